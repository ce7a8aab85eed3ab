/**
 * Reads a text file chunk by chunk and decodes it as it goes, so a million-row export is never held
 * as one string (nor as one buffer of bytes). The encoding is chosen exactly as decodeText chooses it
 * for the whole file: a byte-order mark, UTF-16 without one, and refusing binary data are decided
 * from the first bytes; UTF-8 is read on the way while every chunk is checked, and only a file that
 * turns out not to be UTF-8 is looked at whole for the evidence of its code page (then read again
 * with it). The text is handed to a sink, which may ask for the file again from its start (a parser
 * that must change its method), so what the sink sees is always the whole text, in order.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { hasControlChars } from '../core';
import { CliError } from './CliError';
import type { DecodedText } from './decodeText';
import { displayName, encodingOfInvalidUtf8, utf16WithoutBom } from './decodeText';
import { fileProblem, openForReading, readAt } from './fileProblem';

/** Bytes read at a time. The first chunk decides the encoding (decodeText looks at 4 KB for UTF-16, 8 KB for binary). */
export const CHUNK_BYTES = 1 << 20;

/** Takes the decoded text chunk by chunk; `false` from write or end asks for the text again from its start. */
export interface TextSink {
  /** Called before each pass over the text; `sameText` when it is the text of the pass before (the sink asked for it again), not a new decoding. */
  start(sameText: boolean): void;
  write(text: string): boolean;
  end(): boolean;
}

/** How the file was decoded (DecodedText without the text), and what its text held. */
export interface StreamedText extends Omit<DecodedText, 'text'> {
  /** Some chunk held a control character (see hasControlChars). */
  controlChars: boolean;
  /**
   * The text holds U+FFFD: looked for in the code pages' text; for UTF-8 it is set with invalidBytes
   * (each bad byte decodes to it), which is all a reader of invalid bytes needs to know.
   */
  replacementChars: boolean;
}

/** How the bytes are decoded: UTF-8 (checked as it goes), or an iconv-lite decoder. */
type Choice =
  | { kind: 'utf8'; skip: number; basis: 'bom' | 'utf8'; /** the bytes are known to hold invalid UTF-8 */ invalid: boolean }
  | { kind: 'iconv'; skip: number; basis: 'bom' | 'guess'; encoding: string; display: string };

/** Where a chunk of UTF-8 can be cut: before a lead byte whose sequence the chunk does not finish (never inside a character). */
export function utf8CutAt(bytes: Buffer, length: number): number {
  for (let k = 1; k <= 3 && k <= length; k++) {
    const b = bytes[length - k]!;
    if (b < 0x80) return length;
    if (b >= 0xc0) {
      const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return k < needs ? length - k : length;
    }
  }
  return length;
}

/** The encoding decided from the first bytes, as decodeText decides it; UTF-8 until a chunk proves otherwise. */
function firstChoice(first: Buffer, binaryMessage: string): Choice {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return { kind: 'utf8', skip: 3, basis: 'bom', invalid: false };
  if (first[0] === 0xff && first[1] === 0xfe) return { kind: 'iconv', skip: 2, basis: 'bom', encoding: 'utf16le', display: 'UTF-16LE' };
  if (first[0] === 0xfe && first[1] === 0xff) return { kind: 'iconv', skip: 2, basis: 'bom', encoding: 'utf16be', display: 'UTF-16BE' };
  const wide = utf16WithoutBom(first);
  if (wide) return { kind: 'iconv', skip: 0, basis: 'guess', encoding: wide, display: wide === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE' };
  if (first.subarray(0, 8192).includes(0)) throw new CliError(binaryMessage);
  return { kind: 'utf8', skip: 0, basis: 'utf8', invalid: false };
}

/**
 * Streams the decoded text of `file` into `sink`; returns how it was decoded. Binary data is refused
 * with `binaryMessage`, unreadable files with fileProblem's message.
 */
export function streamText(file: string, sink: TextSink,
  binaryMessage = `"${file}" is not a text (CSV) file. Give a .csv export or an .xlsx workbook.`): StreamedText {
  const fd = openForReading(file);
  try {
    const first = Buffer.allocUnsafe(CHUNK_BYTES);
    let choice = firstChoice(first.subarray(0, readAt(fd, first, 0, CHUNK_BYTES, 0, file)), binaryMessage);
    let sameText = false;
    for (;;) {
      const seen = { controlChars: false, replacementChars: false };
      const emit = (text: string): boolean => {
        if (text === '') return true;
        if (!seen.controlChars && hasControlChars(text)) seen.controlChars = true;
        if (choice.kind === 'iconv' && !seen.replacementChars && text.includes('\uFFFD')) seen.replacementChars = true;
        return sink.write(text);
      };
      sink.start(sameText);
      const pass = choice.kind === 'utf8' ? utf8Pass(fd, file, choice, emit) : iconvPass(fd, file, choice, emit);
      sameText = true;
      if (pass === 'sink') continue; // the sink asked for the text again
      if (pass !== 'done') { choice = pass; sameText = false; continue; } // not UTF-8 after all: read again with the code page found
      if (!sink.end()) continue;
      return choice.kind === 'utf8'
        ? { encoding: 'UTF-8', basis: choice.basis, invalidBytes: choice.invalid, controlChars: seen.controlChars, replacementChars: choice.invalid }
        : { encoding: choice.display, basis: choice.basis, invalidBytes: seen.replacementChars, ...seen };
    }
  } finally {
    closeSync(fd);
  }
}

/** One pass of UTF-8: each chunk cut before an unfinished character, checked, decoded. Returns a new choice when the file is not UTF-8. */
function utf8Pass(fd: number, file: string, choice: Extract<Choice, { kind: 'utf8' }>, emit: (text: string) => boolean): 'done' | 'sink' | Choice {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES + 4);
  let carry = 0;
  let position = choice.skip;
  for (;;) {
    const read = readAt(fd, buffer, carry, CHUNK_BYTES, position, file);
    position += read;
    const length = carry + read;
    const cut = read === 0 ? length : utf8CutAt(buffer, length);
    if (length === 0) return 'done';
    if (!choice.invalid && !isUtf8(buffer.subarray(0, cut))) {
      if (choice.basis === 'bom') choice.invalid = true; // a BOM says UTF-8: the bad bytes are marked, as decodeText does
      else {
        // decodeText's evidence is the lines with non-ASCII bytes anywhere in the file: read it whole, once, for that.
        const encoding = encodingOfInvalidUtf8(readWhole(file));
        if (encoding !== null) return { kind: 'iconv', skip: 0, basis: 'guess', encoding, display: displayName(encoding) };
        choice.invalid = true;
      }
    }
    if (!emit(buffer.toString('utf8', 0, cut))) return 'sink';
    if (read === 0) return 'done';
    buffer.copy(buffer, 0, cut, length);
    carry = length - cut;
  }
}

/** One pass with an iconv-lite decoder (stateful, so a character split between chunks is decoded whole). */
function iconvPass(fd: number, file: string, choice: Extract<Choice, { kind: 'iconv' }>, emit: (text: string) => boolean): 'done' | 'sink' {
  // UTF-16 keeps a leading U+FEFF after the mark (as decodeText does); the code pages drop one, as iconv.decode does.
  const decoder = iconv.getDecoder(choice.encoding, choice.encoding.startsWith('utf16') ? { stripBOM: false } : undefined);
  let position = choice.skip;
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES); // fresh: a decoder may keep a reference to the bytes it was given
    const read = readAt(fd, buffer, 0, CHUNK_BYTES, position, file);
    position += read;
    if (read === 0) return emit(decoder.end() ?? '') ? 'done' : 'sink';
    if (!emit(decoder.write(buffer.subarray(0, read)))) return 'sink';
  }
}

function readWhole(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw fileProblem('The file', file, error);
  }
}
