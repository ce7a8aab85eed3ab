// Dev server for the Excel add-in: serves dist/excel on https://localhost:3000 with trusted
// localhost certificates (office-addin-dev-certs installs them on first run), then sideloads
// manifest.xml with office-addin-debugging.
//   npm run start:excel                                    Excel on Windows or Mac (desktop)
//   npm run start:excel -- web --document <workbook URL>   Excel on the web (a workbook in OneDrive/SharePoint)
//   npm run start:excel -- --serve-only                    only the server (sideload by hand)
// Stop with Ctrl+C: the add-in is unregistered (office-addin-debugging stop) before the server exits.
import { createServer } from 'node:https';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { getHttpsServerOptions } from 'office-addin-dev-certs';

const PORT = 3000;
const ROOT = path.resolve('dist/excel');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml; charset=utf-8', '.map': 'application/json' };

const args = process.argv.slice(2);
const serveOnly = args.includes('--serve-only');
const debugArgs = args.filter((a) => a !== '--serve-only');
const platform = debugArgs[0] && !debugArgs[0].startsWith('--') ? debugArgs.shift() : 'desktop';

if (!existsSync(path.join(ROOT, 'taskpane.html'))) {
  console.error('excel-dev: dist/excel is missing; run "node scripts/build.mjs excel" first (npm run start:excel does).');
  process.exit(1);
}

const options = await getHttpsServerOptions();
const server = createServer(options, (req, res) => {
  const url = new URL(req.url ?? '/', `https://localhost:${PORT}`);
  const file = path.join(ROOT, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
  if (!file.startsWith(ROOT) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  // No caching in dev, so a rebuild shows up on the next reload of the task pane.
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store',
    'access-control-allow-origin': '*' });
  createReadStream(file).pipe(res);
});
const debugging = (command, extra = []) => spawn('npx', ['office-addin-debugging', command, 'manifest.xml', platform, ...extra],
  { stdio: 'inherit', shell: process.platform === 'win32' });

// Sideload only once the server answers, so Excel's first request finds it.
server.listen(PORT, () => {
  console.log(`excel-dev: serving ${ROOT} on https://localhost:${PORT}`);
  if (!serveOnly) debugging('start', ['--no-debug', '--dev-server-port', String(PORT), ...debugArgs]);
});
server.on('error', (error) => {
  console.error(`excel-dev: cannot serve on port ${PORT}: ${error.message}`);
  process.exit(1);
});

let stopping = false;
process.on('SIGINT', () => {
  if (stopping) process.exit(1);
  stopping = true;
  const close = () => server.close(() => process.exit(0));
  if (serveOnly) close();
  else debugging('stop').on('exit', close);
});
