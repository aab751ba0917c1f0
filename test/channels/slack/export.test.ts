/**
 * `/da06 export` and `/da06 scoreboard` in Slack: the chair's export is acked at once, then the DOCX
 * and its chart are uploaded with files.uploadV2 to the conversation the command came from (the DM
 * for a command typed in a DM); a member is refused ephemerally and nothing is uploaded. The
 * scoreboard is Block Kit within Slack's limits, its rule always under the ranking.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FileView, ScoreboardView, Viewer } from '../../../src/app/views.ts';
import { LIMITS, textsOf } from '../../../src/channels/slack/blocks/kit.ts';
import { renderMessage } from '../../../src/channels/slack/blocks/message.ts';
import type { Period } from '../../../src/domain/period.ts';
import { ratio } from '../../../src/domain/scoreboard.ts';
import { renderContext } from '../../../src/presentation/context.ts';
import { scoreboardRule } from '../../../src/presentation/scoreboard.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { commandFields, type Harness, startHarness, textOf, USERS } from '../../support/slack/harness.ts';

const good = {
  status: 'in_progress',
  percent: '40',
  done: 'Đã xây dựng dự thảo',
  blockers: 'Chờ hướng dẫn của Bộ Công an',
  evidenceUrl: '',
};

describeEachDatabase('Slack /da06 export and scoreboard', (db) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(db());
    // The clock is in June 2024: a report for June, so the export has something to say.
    const saved = await h.fixture.core.submitReport(h.fixture.viewers.lan, { task: '1', draft: good });
    expect(saved.kind).toBe('report-saved');
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => h.fake.reset());

  async function command(user: string, text: string, channelId?: string) {
    const fields: Record<string, string> = commandFields(h, user, text);
    if (channelId) fields.channel_id = channelId;
    const response = await h.slack.command(fields);
    expect(response.status).toBe(200);
    return fields;
  }

  it('export by the chair: the DOCX and the chart PNG (with alt text) uploaded to the command’s channel', async () => {
    const fields = await command(USERS.chair, 'export 2024-06');
    const completed = await h.fake.waitForCall('files.completeUploadExternal', () => true, 15_000);
    const files = h.fake.uploadedFiles();
    expect(files).toHaveLength(2);
    const [docx, png] = files;
    expect(docx?.filename).toBe('bao-cao-de-an-06-2024-06.docx');
    expect(docx?.bytes?.subarray(0, 2).toString()).toBe('PK');
    expect(docx?.length).toBe(docx?.bytes?.length);
    expect(png?.filename).toMatch(/\.png$/);
    expect(png?.bytes?.subarray(1, 4).toString()).toBe('PNG');
    expect(png?.altText).toBeTruthy();
    for (const file of files) {
      expect(file.completed).toBe(true);
      expect(file.channelId).toBe(fields.channel_id);
      expect(file.initialComment).toContain('6/2024');
    }
    expect(completed.token).toBe('xoxb-test-token');
    // The upload is the answer: nothing ephemeral, no conversations.open for a channel.
    expect(h.fake.responses).toHaveLength(0);
    expect(h.fake.callsOf('conversations.open')).toHaveLength(0);
  });

  it('export typed in a DM goes to the chair’s DM with the bot; xlsx on request', async () => {
    await command(USERS.chair, 'xuat 2024-06 xlsx', 'DSOMEONE1');
    await h.fake.waitForCall('files.completeUploadExternal', () => true, 15_000);
    const opened = h.fake.callsOf('conversations.open');
    expect(opened[0]?.params.users).toBe(USERS.chair);
    const [xlsx] = h.fake.uploadedFiles();
    expect(xlsx?.filename).toBe('bao-cao-de-an-06-2024-06.xlsx');
    expect(xlsx?.bytes?.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx?.channelId).toBe(`D${USERS.chair}`);
  });

  it('export by a member is refused ephemerally; nothing is uploaded', async () => {
    const fields = await command(USERS.lan, 'export 2024-06');
    const path = new URL(fields.response_url ?? '').pathname;
    const reply = await h.fake.waitForResponse((post) => post.path === path);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(textOf(reply.body.blocks)).toContain('chỉ dành cho Tổ trưởng');
    await h.channel.whenIdle();
    expect(h.fake.callsOf('files.getUploadURLExternal')).toHaveLength(0);
    expect(h.fake.callsOf('files.completeUploadExternal')).toHaveLength(0);
    expect(h.fake.uploads).toHaveLength(0);
  });

  it('a failed upload is said to the chair, with the reason', async () => {
    h.fake.failNext('files.completeUploadExternal', { error: 'not_in_channel' });
    const fields = await command(USERS.chair, 'export 2024-06 csv');
    const path = new URL(fields.response_url ?? '').pathname;
    const reply = await h.fake.waitForResponse((post) => post.path === path, 15_000);
    expect(textOf(reply.body.blocks)).toContain('Chưa tải được tệp báo cáo');
    expect(textOf(reply.body.blocks)).toContain('not_in_channel');
  });

  it('scoreboard: a header, the ranking and the rule, within Slack’s limits', async () => {
    const fields = await command(USERS.chair, 'scoreboard 2024-06');
    const path = new URL(fields.response_url ?? '').pathname;
    const reply = await h.fake.waitForResponse((post) => post.path === path);
    const blocks = reply.body.blocks as Array<{ type: string }>;
    expect(blocks[0]?.type).toBe('header');
    expect(textOf(blocks)).toContain('Bảng xếp hạng thi đua');
    expect(textOf(blocks)).toContain('1. ');
    expect(blocks.at(-1)?.type).toBe('context');
    expect(textOf(blocks.at(-1))).toContain('Cách xếp hạng');
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(String(reply.body.text)).toContain('Cách xếp hạng');
    const refused = await command(USERS.lan, 'xephang');
    const refusal = await h.fake.waitForResponse(
      (post) => post.path === new URL(refused.response_url ?? '').pathname,
    );
    expect(textOf(refusal.body.blocks)).toContain('chỉ dành cho Tổ trưởng');
  });
});

describe('Slack rendering of scoreboard and file views', () => {
  const ctx = renderContext('vi', 'Asia/Ho_Chi_Minh');
  const period = { kind: 'month', key: '2024-06', startsOn: '2024-06-01', endsOn: '2024-06-30' } as Period;
  const viewer: Viewer = {
    memberId: 1,
    displayName: 'A',
    unitCode: 'TCT',
    unitName: 'Tổ công tác',
    role: 'chair',
    locale: 'vi',
  };

  it('a long scoreboard stays within 50 blocks and 3000 characters a text, the rule last', () => {
    const view: ScoreboardView = {
      kind: 'scoreboard',
      viewer,
      period,
      asOf: '2024-06-20',
      months: ['2024-06'],
      rows: Array.from({ length: 400 }, (_, i) => ({
        rank: i + 1,
        code: `DV${i}`,
        name: `Đơn vị <${i}> có tên rất dài ${'x'.repeat(300)}`,
        lead: 3,
        reporting: ratio(2, 3),
        doneOnTime: ratio(1, 2),
        overdueTasks: 1,
        overdueDays: 12,
      })),
    };
    const rendered = renderMessage(view, ctx);
    expect(rendered.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    for (const text of textsOf(rendered.blocks)) expect([...text].length).toBeLessThanOrEqual(LIMITS.text);
    expect(rendered.blocks.at(-1)?.type).toBe('context');
    expect(textsOf(rendered.blocks.at(-1))).toEqual([scoreboardRule('vi', view)]);
    expect(textsOf(rendered.blocks).join('\n')).toContain('&lt;0&gt;');
    expect(textsOf(rendered.blocks).join('\n')).toContain('… và 370 đơn vị khác');
    expect([...rendered.text].length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('an empty scoreboard says so', () => {
    const view: ScoreboardView = {
      kind: 'scoreboard',
      viewer,
      period,
      asOf: '2024-06-20',
      months: [],
      rows: [],
    };
    const rendered = renderMessage(view, ctx);
    expect(rendered.blocks[0]?.type).toBe('header');
    expect(rendered.blocks.length).toBeGreaterThan(1);
  });

  it('a file view renders its caption as text (fallback, ephemeral)', () => {
    const view: FileView = {
      kind: 'file',
      fileName: 'a.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: Buffer.from('PK'),
      caption: ['Dự thảo báo cáo tháng 6/2024', 'Kiến nghị: <a>'],
    };
    const rendered = renderMessage(view, ctx);
    expect(rendered.text).toBe('Dự thảo báo cáo tháng 6/2024\nKiến nghị: <a>');
    expect(textsOf(rendered.blocks).join('\n')).toContain('Kiến nghị: &lt;a&gt;');
  });
});
