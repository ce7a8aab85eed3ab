/** `npm run preview` serves the built preview page on loopback only and says where. */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './sidebarFixture';

const SERVER = path.join(ROOT, 'scripts/preview.mjs');

/** Starts the server in `cwd` on a free port and resolves with the URL it prints. */
function start(cwd: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER], { cwd, env: { ...process.env, PORT: '0' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

describe('the preview server', () => {
  test('serves the built page at / on 127.0.0.1, and nothing else', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-preview-'));
    mkdirSync(path.join(dir, 'dist/sidebar'), { recursive: true });
    writeFileSync(path.join(dir, 'dist/sidebar/preview.html'), '<!DOCTYPE html><title>Partner Attribution: local preview</title>');
    const { child, url } = await start(dir);
    try {
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('Partner Attribution: local preview');
      expect((await fetch(`${url}../package.json`)).status).toBe(404);
      expect((await fetch(`${url}dist/sidebar/preview.html`)).status).toBe(404);
      expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    } finally {
      child.kill();
    }
  });

  test('says how to build the page when it is missing, without a stack trace', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-preview-'));
    const result = spawnSync(process.execPath, [SERVER], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('preview: dist/sidebar/preview.html is missing. Run "npm run preview" (it builds the sidebar first).');
  });
});
