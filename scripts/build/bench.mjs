// Builds the benchmark into dist/bench/bench.js (Node, CommonJS, packages external: DuckDB and HyperFormula load from node_modules).
import * as esbuild from 'esbuild';

export async function build() {
  await esbuild.build({
    entryPoints: { bench: 'bench/bench.ts', sqlAtScale: 'bench/sqlAtScale.ts', vectorised: 'bench/vectorised.ts', cliBench: 'bench/cliBench.ts' },
    outdir: 'dist/bench',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
