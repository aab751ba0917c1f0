/**
 * HTTPS_PROXY/HTTP_PROXY and NO_PROXY for the Teams channel: the signing keys, the token request and the connector's
 * calls (a proactive message) go through a local CONNECT proxy, except to hosts NO_PROXY names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundFor } from '../../../src/channels/outbound.ts';
import { FILE_CONSENT_CONTENT_TYPE } from '../../../src/channels/teams/cards/file.ts';
import { FILE_DOWNLOAD_INFO, teamsEvidenceUploads } from '../../../src/channels/teams/evidence.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { DOCX } from '../../support/evidence-files.ts';
import { startProxy, type TestProxy } from '../../support/proxy.ts';
import { type FakeConnector, startFakeConnector } from '../../support/teams/fake-connector.ts';
import { linkTeamsAccounts, people, reminder, reminderTask, taskIds } from '../../support/teams/fixtures.ts';
import { APP_ID, APP_PASSWORD, TeamsHarness, teamsSettings } from '../../support/teams/harness.ts';
import { type IdentityServer, startIdentityServer } from '../../support/teams/identity-server.ts';

let identity: IdentityServer;
let connector: FakeConnector;
let proxy: TestProxy;

beforeAll(async () => {
  identity = await startIdentityServer();
  connector = await startFakeConnector({ appId: APP_ID, password: APP_PASSWORD });
  proxy = await startProxy();
});

afterAll(async () => {
  await identity?.close();
  await connector?.close();
  await proxy?.close();
});

describeEachDatabase('Teams through an HTTP proxy', (db) => {
  let f: CoreFixture;
  let ids: Record<string, number>;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await linkTeamsAccounts(f);
    ids = await taskIds(db());
  });

  async function sendThrough(noProxy: string) {
    const settings = teamsSettings(
      { identity, connector },
      { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: noProxy },
    );
    // The proxy notes each tunnel as it opens; the channel keeps it open between calls.
    proxy.targets.length = 0;
    const h = await TeamsHarness.start(f, { identity, connector }, settings);
    try {
      await h.install(people.ha);
      connector.clear();
      const outcome = await h.channel.send(
        { kind: 'member', memberId: f.viewers.ha.memberId, externalId: people.ha.aad, locale: 'vi' },
        reminder([reminderTask(ids['1']!, '1', 'Tổ chức hội nghị', ['CNTT'], '2024-02-29')], 'overdue_nudge'),
      );
      return outcome;
    } finally {
      await h.close();
    }
  }

  it('the signing keys, the token request and the connector’s calls (the welcome, a reminder) go through the proxy', async () => {
    const before = identity.fetches;
    const outcome = await sendThrough('example.invalid');
    expect(outcome.ok).toBe(true);
    expect(connector.posted).toHaveLength(1);
    // The install turn's token was checked against keys read (metadata, then keys) through the proxy.
    expect(identity.fetches - before).toBe(2);
    expect(new Set(proxy.targets)).toEqual(
      new Set([new URL(connector.serviceUrl).host, new URL(identity.metadataUrl).host]),
    );
  });

  it('NO_PROXY naming the connector’s host sends straight to it', async () => {
    const outcome = await sendThrough('127.0.0.1');
    expect(outcome.ok).toBe(true);
    expect(connector.posted).toHaveLength(1);
    expect(proxy.targets).toEqual([]);
  });
});

describeEachDatabase('Teams OneDrive uploads through an HTTP proxy', (db) => {
  let f: CoreFixture;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    await linkTeamsAccounts(f);
  });

  /** The chair's export, then "Allow" with an upload session on `uploadHost`; the proxy's targets. */
  async function exportThrough(uploadHost: string, noProxy: string) {
    const settings = teamsSettings(
      { identity, connector },
      { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: noProxy },
    );
    const h = await TeamsHarness.start(f, { identity, connector }, settings);
    try {
      connector.clear();
      await h.message(people.khanh, 'xuất 2024-06');
      const consentCard = connector.posted
        .flatMap(
          (p) =>
            (p.activity.attachments ?? []) as { contentType: string; content: Record<string, unknown> }[],
        )
        .find((a) => a.contentType === FILE_CONSENT_CONTENT_TYPE);
      expect(consentCard).toBeDefined();
      proxy.targets.length = 0;
      const name = 'bao-cao-de-an-06-2024-06.docx';
      // The upload session lives on another host name than the connector, so the proxy tells them apart.
      const uploadUrl = connector.uploadUrl(name).replace('127.0.0.1', uploadHost);
      const answer = await h.post({
        ...h.base(people.khanh),
        type: 'invoke',
        name: 'fileConsent/invoke',
        value: {
          type: 'fileUpload',
          action: 'accept',
          context: consentCard!.content.acceptContext,
          uploadInfo: {
            name,
            uploadUrl,
            contentUrl: `https://contoso-my.sharepoint.com/${name}`,
            uniqueId: 'U1',
            fileType: 'docx',
          },
        },
      });
      expect(answer.status).toBe(200);
      expect(connector.uploads).toHaveLength(1);
      return [...proxy.targets];
    } finally {
      await h.close();
    }
  }

  it('the PUT to the upload session goes through the proxy', async () => {
    const port = new URL(connector.serviceUrl).port;
    const targets = await exportThrough('localhost', '127.0.0.1');
    expect(targets).toContain(`localhost:${port}`);
  });

  it('NO_PROXY naming the upload host sends straight to it', async () => {
    const targets = await exportThrough('localhost', '127.0.0.1,localhost');
    expect(targets).toEqual([]);
  });
});

describe('Teams evidence downloads through an HTTP proxy', () => {
  /** A file Teams offers at `host` (the connector serves it), read with the proxied fetch. */
  async function download(noProxy: string) {
    const outbound = outboundFor({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: noProxy })!;
    const serviceUrl = connector.serviceUrl.replace('127.0.0.1', 'localhost');
    const name = 'Quyết định.docx';
    const [upload] = teamsEvidenceUploads(
      {
        serviceUrl,
        attachments: [
          {
            contentType: FILE_DOWNLOAD_INFO,
            name,
            content: { downloadUrl: connector.hostFile(name, DOCX).replace('127.0.0.1', 'localhost') },
          },
        ],
      },
      outbound.fetch,
    );
    proxy.targets.length = 0;
    expect(Buffer.from(await upload!.read())).toEqual(DOCX);
    await outbound.dispatcher.close();
    return { targets: [...proxy.targets], host: new URL(serviceUrl).host };
  }

  it('the file a member sends is downloaded through the proxy', async () => {
    const { targets, host } = await download('127.0.0.1');
    expect(targets).toEqual([host]);
  });

  it('NO_PROXY naming the download host fetches it directly', async () => {
    const { targets } = await download('127.0.0.1,localhost');
    expect(targets).toEqual([]);
  });
});
