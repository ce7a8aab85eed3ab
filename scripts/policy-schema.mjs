// Writes examples/policy.schema.json from the policy's own descriptor (src/core/policy.ts), so editors
// can check settings files; test/core/policy.test.ts fails when the committed file is stale.
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';

const { outputFiles } = await esbuild.build({ entryPoints: ['src/core/policy.ts'], bundle: true, format: 'esm', write: false, logLevel: 'warning' });
const { policyJsonSchema } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
writeFileSync('examples/policy.schema.json', `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
console.log('wrote examples/policy.schema.json');
