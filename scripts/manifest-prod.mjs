// Writes dist/excel/manifest.prod.xml: manifest.xml with every https://localhost:3000 URL moved to a
// production base URL. Usage: npm run manifest:prod -- https://addin.example.com/partner-attribution
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const DEV_BASE = 'https://localhost:3000';

/** The validated base URL without a trailing slash; throws a one-line message when unusable. */
export function checkBaseUrl(input) {
  if (!input) throw new Error('Give the production base URL, e.g. npm run manifest:prod -- https://addin.example.com/partner-attribution');
  let url;
  try {
    url = new URL(input);
  } catch {
    throw new Error(`"${input}" is not a URL.`);
  }
  if (url.protocol !== 'https:') throw new Error(`Office add-ins must be served over https; got "${url.protocol}".`);
  if (url.search || url.hash || url.username || url.password) throw new Error('The base URL must not carry a query, a fragment or credentials.');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The manifest text with the dev base URL replaced (the AppDomain becomes the origin). */
export function productionManifest(xml, base) {
  const origin = new URL(base).origin;
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_BASE).join(base);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const base = checkBaseUrl(process.argv[2]);
    const xml = productionManifest(readFileSync('manifest.xml', 'utf8'), base);
    if (xml.includes('localhost')) throw new Error('manifest.xml still names localhost after the rewrite.');
    mkdirSync('dist/excel', { recursive: true });
    writeFileSync('dist/excel/manifest.prod.xml', xml);
    console.log(`manifest:prod wrote dist/excel/manifest.prod.xml for ${base}`);
  } catch (error) {
    console.error(`manifest:prod: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
