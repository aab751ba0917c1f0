/**
 * Teams: "xuất báo cáo" and "xếp hạng" end to end over HTTP. The export answers with a card (the
 * caption and the chart, inline) and a FileConsentCard in personal chat; "Allow" uploads the DOCX to
 * the upload session URL (served by the fake connector) and answers with a FileInfoCard. In a channel
 * the consent card goes to the chair's personal chat. Members are refused; the scoreboard card keeps
 * its rule on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScoreboardView } from '../../../src/app/views.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../../src/channels/teams/cards/card.ts';
import { FILE_CONSENT_CONTENT_TYPE, FILE_INFO_CONTENT_TYPE } from '../../../src/channels/teams/cards/file.ts';
import { renderScoreboardCard } from '../../../src/channels/teams/cards/scoreboard.ts';
import { renderContext } from '../../../src/presentation/context.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { type Card, cardsOf, checkCard, textOf } from '../../support/teams/cards.ts';
import {
  type FakeConnector,
  type PostedActivity,
  startFakeConnector,
} from '../../support/teams/fake-connector.ts';
import { linkTeamsAccounts, people } from '../../support/teams/fixtures.ts';
import {
  APP_ID,
  APP_PASSWORD,
  TeamsHarness as Harness,
  type TeamsHarness,
  type TeamsUser,
} from '../../support/teams/harness.ts';
import { type IdentityServer, startIdentityServer } from '../../support/teams/identity-server.ts';

let identity: IdentityServer;
let connector: FakeConnector;

beforeAll(async () => {
  identity = await startIdentityServer();
  connector = await startFakeConnector({ appId: APP_ID, password: APP_PASSWORD });
});

afterAll(async () => {
  await identity?.close();
  await connector?.close();
});

type Attachment = {
  contentType: string;
  name?: string;
  contentUrl?: string;
  content: Record<string, unknown>;
};

const attachmentsOf = (posted: PostedActivity | undefined): Attachment[] =>
  (posted?.activity.attachments ?? []) as Attachment[];

/** The first attachment of this type among everything posted. */
function posted(contentType: string): { activity: PostedActivity; attachment: Attachment } {
  for (const activity of connector.posted) {
    const attachment = attachmentsOf(activity).find((a) => a.contentType === contentType);
    if (attachment) return { activity, attachment };
  }
  throw new Error(
    `no ${contentType} posted: ${JSON.stringify(connector.posted.map((p) => p.activity.type))}`,
  );
}

function images(card: Card): { url: string; altText?: string }[] {
  const found: { url: string; altText?: string }[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'Image') found.push(record as { url: string; altText?: string });
      for (const v of Object.values(record)) walk(v);
    }
  };
  walk(card);
  return found;
}

async function consent(
  h: TeamsHarness,
  from: TeamsUser,
  action: 'accept' | 'decline',
  context: unknown,
  name = 'bao-cao-de-an-06-2024-06.docx',
) {
  return h.post({
    ...h.base(from),
    type: 'invoke',
    name: 'fileConsent/invoke',
    value: {
      type: 'fileUpload',
      action,
      context,
      ...(action === 'accept'
        ? {
            uploadInfo: {
              name,
              uploadUrl: connector.uploadUrl(name),
              contentUrl: `https://contoso-my.sharepoint.com/personal/khanh/Documents/Applications/${name}`,
              uniqueId: 'F3A1B2C4-0000-4000-8000-000000000001',
              fileType: 'docx',
            },
          }
        : {}),
    },
  });
}

describeEachDatabase('Teams: export ("xuất báo cáo") and scoreboard ("xếp hạng")', (db) => {
  let f: CoreFixture;
  let h: TeamsHarness;

  beforeAll(async () => {
    f = await createCoreFixture(db());
    const saved = await f.core.submitReport(f.viewers.lan, {
      task: '1',
      periodKey: '2024-06',
      draft: {
        status: 'in_progress',
        percent: '60',
        done: 'Đã chuẩn bị tài liệu hội nghị',
        blockers: null,
        evidenceUrl: null,
      },
    });
    expect(saved.kind).toBe('report-saved');
    await linkTeamsAccounts(f);
    h = await Harness.start(f, { identity, connector });
  });
  afterAll(async () => h?.close());

  it("a chair's export in personal chat: a card with the chart inline, then a FileConsentCard", async () => {
    connector.clear();
    expect((await h.message(people.khanh, 'export 2024-06')).status).toBe(200);
    expect(connector.posted).toHaveLength(2);
    const [card] = cardsOf(connector.posted[0]);
    const text = textOf(card);
    expect(text).toContain('Dự thảo báo cáo tình hình triển khai Đề án 06 tháng 6/2024 (tệp DOCX).');
    expect(text).toContain('4 nhiệm vụ');
    expect(text).toContain('Bấm "Cho phép"');
    const [image] = images(card!);
    expect(image?.url).toMatch(/^data:image\/png;base64,/);
    expect(image?.altText?.length).toBeGreaterThan(20);
    const png = Buffer.from(image!.url.split(',')[1]!, 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(480); // IHDR width
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);

    const { attachment } = posted(FILE_CONSENT_CONTENT_TYPE);
    expect(attachment.name).toBe('bao-cao-de-an-06-2024-06.docx');
    expect(attachment.content.sizeInBytes).toBeGreaterThan(1000);
    expect(attachment.content.description).toContain('tháng 6/2024');
    expect(attachment.content.acceptContext).toEqual(attachment.content.declineContext);
  });

  it('"Allow": the DOCX is PUT to the upload URL (no bot token) and a FileInfoCard follows', async () => {
    connector.clear();
    await h.message(people.khanh, 'xuất 2024-06');
    const context = posted(FILE_CONSENT_CONTENT_TYPE).attachment.content.acceptContext;
    connector.clear();
    expect((await consent(h, people.khanh, 'accept', context)).status).toBe(200);
    expect(connector.uploads).toHaveLength(1);
    const upload = connector.uploads[0]!;
    expect(upload.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(upload.headers['content-range']).toBe(`bytes 0-${upload.bytes.length - 1}/${upload.bytes.length}`);
    expect(upload.headers.authorization).toBeUndefined();
    const { activity, attachment } = posted(FILE_INFO_CONTENT_TYPE);
    expect(activity.conversationId).toBe(`a:personal-${people.khanh.aad}`);
    expect(attachment.name).toBe('bao-cao-de-an-06-2024-06.docx');
    expect(attachment.contentUrl).toContain('sharepoint.com');
    expect(attachment.content).toEqual({
      uniqueId: 'F3A1B2C4-0000-4000-8000-000000000001',
      fileType: 'docx',
    });
    expect(activity.activity.text).toContain('Đã lưu tệp bao-cao-de-an-06-2024-06.docx');
  });

  it('after a restart (nothing pending) "Allow" makes the file anew from the command', async () => {
    connector.clear();
    expect(
      (
        await consent(h, people.khanh, 'accept', {
          da06File: 'gone-0000-1111',
          command: 'export 2024-06 xlsx',
        })
      ).status,
    ).toBe(200);
    expect(connector.uploads).toHaveLength(1);
    expect(connector.uploads[0]!.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    posted(FILE_INFO_CONTENT_TYPE);
  });

  it('"Decline" is acknowledged; a failed upload is said and logged', async () => {
    connector.clear();
    await h.message(people.khanh, 'export 2024-06');
    const context = posted(FILE_CONSENT_CONTENT_TYPE).attachment.content.declineContext;
    connector.clear();
    expect((await consent(h, people.khanh, 'decline', context)).status).toBe(200);
    expect(connector.uploads).toHaveLength(0);
    expect(connector.posted.at(-1)?.activity.text).toContain('đã từ chối nhận tệp');

    connector.clear();
    await h.message(people.khanh, 'export 2024-06');
    const again = posted(FILE_CONSENT_CONTENT_TYPE).attachment.content.acceptContext;
    connector.clear();
    connector.failNextUpload(503);
    expect((await consent(h, people.khanh, 'accept', again)).status).toBe(200);
    expect(connector.posted.at(-1)?.activity.text).toContain(
      'Chưa tải được tệp bao-cao-de-an-06-2024-06.docx',
    );
    expect(connector.posted.at(-1)?.activity.text).toContain('503');
    expect(h.log.join('\n')).toContain('upload of bao-cao-de-an-06-2024-06.docx to OneDrive failed');
    // The file is still pending: "Allow" again works.
    connector.clear();
    await consent(h, people.khanh, 'accept', again);
    expect(connector.uploads).toHaveLength(1);
    posted(FILE_INFO_CONTENT_TYPE);
  });

  it('a member asking for the export or the scoreboard is refused', async () => {
    for (const typed of ['export 2024-06', 'xếp hạng']) {
      connector.clear();
      await h.message(people.lan, typed);
      const cards = cardsOf(connector.posted.at(-1));
      expect(textOf(cards[0]), typed).toContain('Tổ trưởng');
      expect(
        connector.posted.flatMap(attachmentsOf).some((a) => a.contentType === FILE_CONSENT_CONTENT_TYPE),
      ).toBe(false);
    }
  });

  it('in the team channel: the chart there, the file in personal chat (or why not)', async () => {
    connector.clear();
    await h.message(people.khanh, 'xuất 2024-06', 'channel');
    const channelReply = connector.posted.find((p) => p.conversationId.startsWith('19:'));
    const [card] = cardsOf(channelReply);
    expect(images(card!)[0]?.url).toMatch(/^data:image\/png;base64,/);
    expect(textOf(card)).toContain('được gửi trong cuộc trò chuyện riêng');
    const { activity } = posted(FILE_CONSENT_CONTENT_TYPE);
    expect(activity.conversationId).toBe(`a:personal-${people.khanh.aad}`);

    // Tuấn (admin) never wrote to the bot in personal chat.
    connector.clear();
    await h.message(people.tuan, 'export 2024-06', 'channel');
    expect(connector.posted).toHaveLength(1);
    expect(textOf(cardsOf(connector.posted[0])[0])).toContain('chưa có cuộc trò chuyện riêng');
  });

  it('scoreboard ("xếp hạng"): the ranking and the rule on a valid card', async () => {
    connector.clear();
    await h.message(people.khanh, 'xếp hạng 2024-06');
    const [card] = cardsOf(connector.posted.at(-1));
    const text = textOf(card);
    expect(text).toContain('1. ');
    expect(text).toContain('CNTT');
    expect(text).toContain('Cách xếp hạng:');
  });
});

describe('Teams: a long scoreboard', () => {
  it('is paged under the size limit with the rule on every page', () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      rank: i + 1,
      code: `BHXH${String(i).padStart(3, '0')}`,
      name: `Bảo hiểm xã hội tỉnh số ${i} với một tên đơn vị khá dài để thử cắt trang`,
      lead: 5,
      reporting: { count: 3, of: 4, rate: 0.75 },
      doneOnTime: { count: 1, of: 2, rate: 0.5 },
      overdueTasks: 1,
      overdueDays: i,
    }));
    const view = {
      kind: 'scoreboard',
      period: { kind: 'month', key: '2024-06', year: 2024, startsOn: '2024-06-01', endsOn: '2024-06-30' },
      asOf: '2024-06-20',
      rows,
    } as unknown as ScoreboardView;
    const ctx = renderContext('vi');
    const first = renderScoreboardCard(view, ctx, 1);
    expect(first.pages).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let page = 1; page <= first.pages; page++) {
      const card = checkCard(renderScoreboardCard(view, ctx, page).card);
      const text = textOf(card);
      expect(text).toContain('Cách xếp hạng:');
      seen.push(...rows.filter((r) => text.includes(`${r.code})`)).map((r) => r.code));
    }
    expect(new Set(seen).size).toBe(rows.length);
  });
});
