/**
 * Log lines at their real level: Bolt's warnings and errors, a failed report submission (logged even
 * with LOG_LEVEL=warn), botbuilder's console output as JSON lines, never bare stacks on stderr.
 * /metrics carries Node's process metrics; the Slack token is checked once at start (auth.test).
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { channelLog, routeConsole } from '../../src/runtime/channel-log.ts';
import { createLogger } from '../../src/runtime/logger.ts';
import { Metrics } from '../../src/runtime/metrics.ts';

function capture(level: string) {
  const lines: { level: number; msg: string; err?: { stack?: string } }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('channel log lines', () => {
  it('go out at their real level; a failed submission is logged with LOG_LEVEL=warn', async () => {
    const { logger, lines } = capture('warn');
    const log = channelLog(logger);
    log('slack/bolt warn: request signature is stale');
    log('slack/bolt error: An unhandled error occurred while Bolt processed an event');
    log('slack/bolt info: Now connected to Slack');
    log('slack: report submission failed: boom');
    log('[teams] turn failed (message): Error: nope');
    log('slack: rate limited, trying again in 1000 ms');
    await flush();
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [40, 'slack/bolt warn: request signature is stale'],
      [50, 'slack/bolt error: An unhandled error occurred while Bolt processed an event'],
      [50, 'slack: report submission failed: boom'],
      [50, '[teams] turn failed (message): Error: nope'],
      [40, 'slack: rate limited, trying again in 1000 ms'],
    ]);
  });
});

describe('console output of the SDKs', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('becomes JSON lines at its level, the stack inside the line', async () => {
    const { logger, lines } = capture('info');
    restore = routeConsole(logger);
    // What botbuilder's CloudAdapter does with a request it cannot authenticate.
    console.error(new Error('Unauthorized Access. Request is not authorized'));
    console.warn('BadRequest: Missing activity or activity type.');
    restore();
    restore = undefined;
    await flush();
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [50, 'Unauthorized Access. Request is not authorized'],
      [40, 'BadRequest: Missing activity or activity type.'],
    ]);
    expect(lines[0]?.err?.stack).toContain('Error: Unauthorized Access');
  });
});

describe('/metrics', () => {
  it('carries the default Node process metrics beside the bot’s own', async () => {
    const body = await new Metrics().registry.metrics();
    expect(body).toContain('process_resident_memory_bytes');
    expect(body).toContain('nodejs_eventloop_lag_seconds');
    expect(body).toContain('da06_messages_sent_total');
  });
});
