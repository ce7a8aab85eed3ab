// Builds the command line into dist/cli/partner-attribution.js (Node, CommonJS, dependencies external), executable.
import { chmodSync } from 'node:fs';
import * as esbuild from 'esbuild';

const OUTFILE = 'dist/cli/partner-attribution.js';

export async function build() {
  await esbuild.build({
    entryPoints: ['src/cli/main.ts'],
    outfile: OUTFILE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  chmodSync(OUTFILE, 0o755);
}
