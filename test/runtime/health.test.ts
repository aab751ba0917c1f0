import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/runtime/logger.ts';
import { Metrics } from '../../src/runtime/metrics.ts';
import { checkReadiness } from '../../src/runtime/readiness.ts';
import { healthRoutes } from '../../src/server/health-routes.ts';
import { createHttpServer, type HttpServer } from '../../src/server/http-server.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('health endpoints', (db) => {
  let server: HttpServer;
  let base: string;
  const metrics = new Metrics();

  beforeAll(async () => {
    metrics.watchOutbox(async () => ({ pending: 2, failed: 1, oldestPendingSeconds: 42 }));
    server = createHttpServer(
      healthRoutes({
        readiness: () => checkReadiness(db(), ['Teams requests are not authenticated']),
        metrics: async () => ({
          contentType: metrics.registry.contentType,
          body: await metrics.registry.metrics(),
        }),
      }),
    );
    base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });

  afterAll(async () => {
    await server.close(1000);
  });

  it('/healthz answers while the process is up', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is ready when the database answers and every migration is applied, and carries warnings', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ready',
      checks: { database: { ok: true }, migrations: { ok: true } },
      warnings: ['Teams requests are not authenticated'],
    });
  });

  it('/readyz carries each channel’s check and is not ready while one fails (a refused Slack token)', async () => {
    const good = await checkReadiness(db(), [], { slack: { ok: true, detail: 'team T1, bot UBOT' } });
    expect(good).toMatchObject({ ready: true, checks: { slack: { ok: true } } });
    const refused = await checkReadiness(db(), [], { slack: { ok: false, detail: 'invalid_auth' } });
    expect(refused).toMatchObject({
      ready: false,
      checks: { database: { ok: true }, slack: { detail: 'invalid_auth' } },
    });
  });

  it('/readyz is 503 while a migration is missing', async () => {
    const [row] = await db().client.$queryRawUnsafe<{ id: string }[]>(
      'SELECT id FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1',
    );
    await db().client.$executeRawUnsafe(
      `UPDATE _prisma_migrations SET finished_at = NULL WHERE id = '${row!.id}'`,
    );
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    expect(JSON.stringify(await response.json())).toContain('pending');
    await db().client.$executeRawUnsafe(
      `UPDATE _prisma_migrations SET finished_at = started_at WHERE id = '${row!.id}'`,
    );
  });

  it('/metrics serves Prometheus text with the outbox gauges', async () => {
    metrics.messagesSent.inc({ channel: 'slack' });
    const response = await fetch(`${base}/metrics`);
    const body = await response.text();
    expect(body).toContain('da06_messages_sent_total{channel="slack"} 1');
    expect(body).toContain('da06_outbox_messages{status="pending"} 2');
    expect(body).toContain('da06_outbox_oldest_pending_seconds 42');
  });

  it('unknown paths are 404 and wrong methods 405', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});

describe('logger', () => {
  it('redacts tokens, secrets and signing headers', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      {
        settings: { SLACK_BOT_TOKEN: 'xoxb-secret-1', MicrosoftAppPassword: 'p@ss' },
        req: { headers: { 'x-slack-signature': 'v0=abc', authorization: 'Bearer eyJ' } },
      },
      'request',
    );
    const line = lines.join('');
    expect(line).not.toMatch(/xoxb-secret-1|p@ss|v0=abc|eyJ/);
    expect(line).toContain('[redacted]');
    expect(JSON.parse(line)).toMatchObject({ msg: 'request', service: 'da06-bot' });
  });
});
