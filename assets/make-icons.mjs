// Draws the add-in's icons (a blue tile with three white bars, the tallest in the middle) as PNGs
// at 16, 32, 64 and 80 px, with node's zlib only. Run: node assets/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 64, 80];
const BLUE = [0x1f, 0x5f, 0xa8, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const CLEAR = [0, 0, 0, 0];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, data.length);
  head.set(Uint8Array.from(type, (ch) => ch.charCodeAt(0)), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32([...head.subarray(4), ...data]));
  return [head, data, crc];
};

/** The colour of pixel (x, y) in a size x size icon. */
const pixel = (x, y, size) => {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const r = 0.18; // corner radius, as a fraction of the size
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  const bars = [[0.2, 0.36, 0.55], [0.42, 0.58, 0.25], [0.64, 0.8, 0.42]]; // [left, right, top]
  const inBar = bars.some(([left, right, top]) => u >= left && u < right && v >= top && v < 0.8);
  return inBar ? WHITE : BLUE;
};

const png = (size) => {
  const raw = new Uint8Array(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x += 1) raw.set(pixel(x, y, size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ...chunk('IHDR', ihdr), ...chunk('IDAT', new Uint8Array(deflateSync(raw))), ...chunk('IEND', new Uint8Array(0))];
  return Uint8Array.from(parts.flatMap((p) => [...p]));
};

for (const size of SIZES) writeFileSync(path.join(here, `icon-${size}.png`), png(size));
