// The build: one esbuild output per target (dist/cli, dist/gas, dist/excel, dist/sidebar, dist/bench).
// Usage: node scripts/build.mjs [target ...]   (no target = all). Each target lives in scripts/build/<target>.mjs.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const ALL = ['cli', 'sidebar', 'gas', 'excel'];
const targets = process.argv.slice(2).length ? process.argv.slice(2) : ALL;

for (const target of targets) {
  const file = path.join(here, 'build', `${target}.mjs`);
  if (!existsSync(file)) {
    console.error(`build: unknown target "${target}" (known: ${ALL.join(', ')}, bench)`);
    process.exit(1);
  }
  const { build } = await import(pathToFileURL(file).href);
  await build();
  console.log(`build: ${target} done`);
}
