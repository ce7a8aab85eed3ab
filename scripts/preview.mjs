// Serves the built local preview (dist/sidebar/preview.html) on http://127.0.0.1:5173, loopback only.
// Usage: npm run preview (builds first). PORT=5180 picks another port (PORT=0: any free one).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';

const FILE = 'dist/sidebar/preview.html';
const HOST = '127.0.0.1';
const port = Number(process.env.PORT ?? 5173);

if (!existsSync(FILE)) {
  console.error(`preview: ${FILE} is missing. Run "npm run preview" (it builds the sidebar first).`);
  process.exit(1);
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', `http://${HOST}`);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (url.pathname === '/' || url.pathname === '/preview.html') {
    // Read on every request, so a rebuild shows on reload without restarting the server.
    const html = readFileSync(FILE);
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:",
    });
    response.end(request.method === 'HEAD' ? undefined : html);
    return;
  }
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found: the preview is at /\n');
});

server.on('error', (error) => {
  console.error(error.code === 'EADDRINUSE'
    ? `preview: port ${port} is in use. Stop the other server or run with PORT=5180 npm run preview.`
    : `preview: could not start the server: ${error.message}`);
  process.exit(1);
});

server.listen(port, HOST, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Partner Attribution preview: http://${HOST}:${actual}/  (Ctrl+C to stop)`);
});
