/**
 * The Slack token is checked once at start (auth.test) and /readyz reports it; Socket Mode with Slack
 * unreachable stops start-up with one line in the operator's language, not a WebAPIRequestError stack.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { createSlackChannel } from '../../../src/channels/slack/index.ts';
import { settingsSchema } from '../../../src/config/settings.ts';
import { describeStartupFailure } from '../../../src/runtime/startup-errors.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { FakeSlack } from '../../support/slack/fake-slack.ts';
import { SECRET } from '../../support/slack/harness.ts';

describeEachDatabase('the Slack token at start-up', (db) => {
  const cleanups: (() => Promise<void>)[] = [];
  let fixture: CoreFixture;
  beforeAll(async () => {
    fixture = await createCoreFixture(db());
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function channelFor(env: Record<string, string>, prepare?: (fake: FakeSlack) => void) {
    const fake = new FakeSlack();
    await fake.start();
    cleanups.push(() => fake.stop());
    prepare?.(fake);
    const logs: string[] = [];
    const settings = settingsSchema.parse({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: fake.apiUrl,
      ...env,
    });
    const channel = createSlackChannel({ core: fixture.core, settings, logger: (line) => logs.push(line) });
    cleanups.unshift(() => channel.stop());
    return { fake, channel, logs };
  }

  it('a good token: auth.test once at start, reported ready', async () => {
    const { fake, channel } = await channelFor({ SLACK_SIGNING_SECRET: SECRET });
    await channel.start();
    expect(fake.callsOf('auth.test')).toHaveLength(1);
    expect(channel.readiness?.()).toEqual({ ok: true, detail: 'team T1, bot UBOT' });
  });

  it('a refused token (HTTP mode): the bot runs, the failure is logged and /readyz says not ready', async () => {
    const { channel, logs } = await channelFor({ SLACK_SIGNING_SECRET: SECRET }, (fake) =>
      fake.failNext('auth.test', { error: 'invalid_auth' }),
    );
    await channel.start();
    expect(channel.readiness?.()).toEqual({ ok: false, detail: 'invalid_auth' });
    expect(logs).toContain('slack: token check (auth.test) failed: invalid_auth');
  });

  it('Socket Mode with Slack unreachable stops start-up with one line, vi and en', async () => {
    // A port nothing listens on: taken from the system, then given back.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const url = `http://127.0.0.1:${port}/api/`;
    const { channel } = await channelFor({ SLACK_APP_TOKEN: 'xapp-1-A1-test', SLACK_API_URL: url });
    const failure = await channel.start().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    const vi = describeStartupFailure(failure, 'vi');
    const en = describeStartupFailure(failure, 'en');
    expect(vi).toBe(
      `Không kết nối được Slack (${url}: ECONNREFUSED). Kiểm tra mạng, HTTPS_PROXY/NO_PROXY và SLACK_API_URL, rồi chạy lại.`,
    );
    expect(en).toBe(
      `Cannot reach Slack (${url}: ECONNREFUSED). Check the network, HTTPS_PROXY/NO_PROXY and SLACK_API_URL, then start again.`,
    );
  });
});
