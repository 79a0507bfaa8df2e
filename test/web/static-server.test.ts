import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { resolveInside, serveStatic, type StaticServer } from '../../src/node/static-server.ts';

/** A raw GET (fetch would normalise '..' away before sending). */
function get(port: number, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((ok, fail) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => ok({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
    }).on('error', fail).end();
  });
}

describe('static server for the web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sonomics-static-'));
  let s: StaticServer;
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets', 'a.js'), 'export {}');
    writeFileSync(join(tmpdir(), 'sonomics-secret.txt'), 'secret');
    s = await serveStatic(dir, 0);
  });
  afterAll(async () => { await s.close(); });

  it('listens on 127.0.0.1 and serves files with their types', async () => {
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/`);
    const index = await get(s.port, '/');
    expect(index.status).toBe(200);
    expect(index.type).toContain('text/html');
    expect((await get(s.port, '/assets/a.js')).type).toContain('text/javascript');
  });

  it('falls back to index.html for app routes, 404 for missing files, never leaves the folder', async () => {
    expect((await get(s.port, '/study')).body).toContain('<title>app</title>');
    expect((await get(s.port, '/assets/missing.js')).status).toBe(404);
    const escape = await get(s.port, '/../sonomics-secret.txt');
    expect(escape.body).not.toContain('secret');
    expect(resolveInside(dir, '/%2e%2e/sonomics-secret.txt')).toBe(join(dir, 'sonomics-secret.txt'));
    expect(resolveInside(dir, '/a\0b')).toBeNull();
  });
});
