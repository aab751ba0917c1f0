/**
 * Teams: evidence files sent in personal chat, end to end over HTTP. Teams delivers each file as a
 * `file.download.info` attachment whose downloadUrl the fake connector serves; the text names the
 * task; the core keeps the file with the unit's latest report; each outcome comes back as a card,
 * and "minh chứng" lists what the member may see.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { FILE_CONSENT_CONTENT_TYPE } from '../../../src/channels/teams/cards/file.ts';
import { FILE_DOWNLOAD_INFO } from '../../../src/channels/teams/evidence.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { DOCX, EXE } from '../../support/evidence-files.ts';
import { cardsOf, textOf } from '../../support/teams/cards.ts';
import { type FakeConnector, startFakeConnector } from '../../support/teams/fake-connector.ts';
import { linkTeamsAccounts, people, taskIds } from '../../support/teams/fixtures.ts';
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

describeEachDatabase('Teams: evidence files in personal chat', (db) => {
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
        done: 'Đã chuẩn bị tài liệu',
        blockers: null,
        evidenceUrl: null,
      },
    });
    expect(saved.kind).toBe('report-saved');
    await linkTeamsAccounts(f);
    h = await Harness.start(f, { identity, connector });
  });
  afterAll(async () => h?.close());
  beforeEach(() => connector.clear());

  /** A personal-chat message with files attached as Teams sends them. */
  function sendFiles(from: TeamsUser, text: string, files: Array<{ name: string; bytes: Buffer }>) {
    return h.post({
      ...h.base(from),
      type: 'message',
      text,
      textFormat: 'plain',
      attachments: files.map((file) => ({
        contentType: FILE_DOWNLOAD_INFO,
        contentUrl: `https://contoso-my.sharepoint.com/personal/lan/Documents/Microsoft Teams Chat Files/${file.name}`,
        name: file.name,
        content: {
          downloadUrl: connector.hostFile(file.name, file.bytes),
          uniqueId: '1E2D3C4B-0000-4000-8000-000000000001',
          fileType: file.name.split('.').pop(),
        },
      })),
    });
  }

  const replies = () => connector.posted.flatMap((p) => cardsOf(p)).map((card) => textOf(card));

  it('a member sends a DOCX with "minh chứng 1": downloaded, kept with her report, listed for the chair', async () => {
    const answer = await sendFiles(people.lan, 'minh chứng 1', [
      { name: 'Quyết định thành lập.docx', bytes: DOCX },
      { name: 'setup.docx', bytes: EXE },
    ]);
    expect(answer.status).toBe(200);
    expect(connector.downloads).toHaveLength(2);
    const said = replies().join('\n');
    expect(said).toContain('Đã lưu 1 tệp minh chứng: Quyết định thành lập.docx.');
    expect(said).toContain('Tệp "setup.docx" không phải PDF, DOCX, XLSX, PNG hay JPEG');

    const ids = await taskIds(db());
    const rows = await db().client.reportEvidence.findMany({ where: { taskId: ids['1'] } });
    expect(rows.map((r) => [r.fileName, r.size, r.sha256, r.memberId])).toEqual([
      [
        'Quyết định thành lập.docx',
        DOCX.length,
        createHash('sha256').update(DOCX).digest('hex'),
        f.viewers.lan.memberId,
      ],
    ]);

    connector.clear();
    await h.message(people.khanh, 'minh chứng');
    expect(replies().join('\n')).toContain(
      'Nhiệm vụ 1 — CNTT, tháng 6/2024 (báo cáo lần 1): Quyết định thành lập.docx',
    );
  });

  it('files without a task, or for a task with no report of the unit: told what to do, nothing kept', async () => {
    await sendFiles(people.lan, '', [{ name: 'a.docx', bytes: DOCX }]);
    expect(replies().join('\n')).toContain('gửi kèm mã nhiệm vụ trong tin nhắn');
    connector.clear();
    await sendFiles(people.lan, '4', [{ name: 'b.docx', bytes: DOCX }]);
    expect(replies().join('\n')).toContain('Nhiệm vụ 4 chưa có báo cáo của đơn vị để kèm tệp minh chứng.');
    expect(
      await db().client.reportEvidence.count({ where: { fileName: { in: ['a.docx', 'b.docx'] } } }),
    ).toBe(0);
  });

  it('"giao ban ics" in personal chat: the invitation comes as a file to accept (FileConsentCard)', async () => {
    expect((await h.message(people.lan, 'giao ban ics')).status).toBe(200);
    const consent = connector.posted
      .flatMap((p) => (p.activity.attachments ?? []) as Array<{ contentType: string; name?: string }>)
      .find((a) => a.contentType === FILE_CONSENT_CONTENT_TYPE);
    expect(consent?.name).toMatch(/^giao-ban-\d{4}-\d{2}\.ics$/);
    expect(replies().join('\n')).toContain('Thư mời họp giao ban');
  });
});
