// Builds the command line into dist/cli/partner-attribution.js (Node, CommonJS, dependencies external).
import * as esbuild from 'esbuild';

export async function build() {
  await esbuild.build({
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli/partner-attribution.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
}
