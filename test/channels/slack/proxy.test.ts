/**
 * HTTPS_PROXY/HTTP_PROXY and NO_PROXY: the Slack channel's outbound calls (the token check, the Web
 * API, the outbox's chat.postMessage) go through a local CONNECT proxy, except to hosts NO_PROXY names.
 */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NoticeView } from '../../../src/app/views.ts';
import { slackEvidenceUploads } from '../../../src/channels/slack/flows/evidence.ts';
import { createSlackChannel } from '../../../src/channels/slack/index.ts';
import { settingsSchema } from '../../../src/config/settings.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { DOCX } from '../../support/evidence-files.ts';
import { startProxy, type TestProxy } from '../../support/proxy.ts';
import { FakeSlack } from '../../support/slack/fake-slack.ts';
import { SECRET, USERS } from '../../support/slack/harness.ts';

const note: NoticeView = { kind: 'notice', tone: 'info', key: 'meeting.none_scheduled' };

describeEachDatabase('Slack through an HTTP proxy', (db) => {
  let fixture: CoreFixture;
  let fake: FakeSlack;
  let proxy: TestProxy;

  beforeAll(async () => {
    fixture = await createCoreFixture(db());
    fake = new FakeSlack();
    await fake.start();
    proxy = await startProxy();
  });
  afterAll(async () => {
    await fake?.stop();
    await proxy?.close();
  });

  async function run(env: Record<string, string>) {
    const settings = settingsSchema.parse({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      ...env,
    });
    const channel = createSlackChannel({ core: fixture.core, settings });
    await channel.start();
    const lan = {
      kind: 'member',
      memberId: fixture.viewers.lan.memberId,
      externalId: USERS.lan,
      locale: 'vi',
    } as const;
    const outcome = await channel.send(lan, note);
    await channel.stop();
    return { outcome, readiness: channel.readiness?.() };
  }

  it('with HTTPS_PROXY/HTTP_PROXY set, the token check and the outbox’s posts go through the proxy', async () => {
    proxy.targets.length = 0;
    const { outcome, readiness } = await run({
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: 'example.invalid',
    });
    expect(outcome).toMatchObject({ ok: true });
    expect(readiness).toMatchObject({ ok: true });
    const slackHost = new URL(fake.apiUrl).host;
    expect(proxy.targets.length).toBeGreaterThanOrEqual(2);
    expect(new Set(proxy.targets)).toEqual(new Set([slackHost]));
  });

  it('NO_PROXY naming Slack’s host sends straight to it', async () => {
    proxy.targets.length = 0;
    const { outcome } = await run({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    expect(outcome).toMatchObject({ ok: true });
    expect(proxy.targets).toEqual([]);
  });

  /** An evidence file from the report modal, read with a WebClient that goes direct: only the download may tunnel. */
  async function downloadEvidence(noProxy: string) {
    const settings = settingsSchema.parse({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: noProxy,
    });
    const client = new WebClient('xoxb-test-token', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    const id = fake.hostFile('Quyết định.docx', DOCX);
    const [upload] = await slackEvidenceUploads(client, settings, [{ id, name: 'Quyết định.docx' }]);
    proxy.targets.length = 0;
    expect(Buffer.from(await upload!.read())).toEqual(DOCX);
    return [...proxy.targets];
  }

  it('an evidence file is downloaded through the proxy', async () => {
    expect(await downloadEvidence('example.invalid')).toEqual([new URL(fake.apiUrl).host]);
  });

  it('NO_PROXY naming Slack’s host downloads evidence directly', async () => {
    expect(await downloadEvidence('127.0.0.1')).toEqual([]);
  });
});
