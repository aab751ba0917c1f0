/** The HTTP server's edge: a coded error is answered in words (400), a bug as "Internal error" (500), logged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { createHttpServer, type HttpServer } from '../../src/server/http-server.ts';

describe('the HTTP server, when a route fails', () => {
  let server: HttpServer;
  let base: string;
  const logged: unknown[] = [];

  beforeAll(async () => {
    server = createHttpServer(
      [
        {
          method: 'GET',
          path: '/coded',
          handle: () => {
            throw new AppError('unit.unknown', { unit: 'NOPE' });
          },
        },
        {
          method: 'GET',
          path: '/bug',
          handle: () => {
            throw new Error('boom');
          },
        },
      ],
      (error) => logged.push(error),
    );
    base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => server?.close());

  it('says a coded error in words, with no stack and no log', async () => {
    const response = await fetch(`${base}/coded`);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Không có đơn vị mã "NOPE". Xem danh sách: da06 units list');
    expect(logged).toEqual([]);
  });

  it('answers a bug with "Internal error" and logs it', async () => {
    const response = await fetch(`${base}/bug`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Internal error');
    expect(logged).toHaveLength(1);
    expect(String(logged[0])).toContain('boom');
  });
});
