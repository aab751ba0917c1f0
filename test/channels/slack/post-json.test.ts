import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../../src/channels/slack/post-json.ts';

describe('postJson (response_url answers, chat.postMessage of the outbox)', () => {
  let server: Server;
  let base = '';
  const received: { path: string; type: string; body: unknown }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => {
        raw += chunk;
      });
      req.on('end', () => {
        if (req.url === '/slow') return; // never answers
        received.push({
          path: req.url ?? '',
          type: req.headers['content-type'] ?? '',
          body: JSON.parse(raw),
        });
        res.statusCode = req.url === '/gone' ? 404 : 200;
        res.end(req.url === '/gone' ? 'expired_url' : 'ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts the body as UTF-8 JSON and resolves with the status', async () => {
    const body = { text: 'Đã lưu báo cáo tháng 06/2024 ✓', blocks: [] };
    expect((await postJson(`${base}/ok`, body, { timeoutMs: 2000 })).status).toBe(200);
    const gone = await postJson(`${base}/gone`, body, {
      timeoutMs: 2000,
      headers: { authorization: 'Bearer x' },
    });
    expect([gone.status, gone.text]).toEqual([404, 'expired_url']);
    expect(received[0]).toEqual({ path: '/ok', type: 'application/json; charset=utf-8', body });
  });

  it('reuses connections across calls (keep-alive)', async () => {
    const before = new Set<number>();
    server.on('connection', (socket) => before.add(socket.remotePort ?? 0));
    for (let i = 0; i < 5; i++)
      expect((await postJson(`${base}/ok`, { i }, { timeoutMs: 2000 })).status).toBe(200);
    expect(before.size).toBeLessThanOrEqual(1);
  });

  it('gives up after the timeout, and refuses URLs that are not http(s)', async () => {
    await expect(postJson(`${base}/slow`, {}, { timeoutMs: 100 })).rejects.toThrow(/100 ms/);
    await expect(postJson('ftp://example.invalid/x', {}, { timeoutMs: 100 })).rejects.toThrow(/not an http/);
    await expect(postJson('http://127.0.0.1:1/x', {}, { timeoutMs: 1000 })).rejects.toThrow();
  });
});
