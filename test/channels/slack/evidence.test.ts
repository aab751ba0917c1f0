/**
 * Evidence files through Slack: the report modal's file_input, the submission naming the files by id,
 * files.info and the download with the bot token from the fake Slack Web API over HTTP, the core
 * storing them; the member sees what was kept and what was refused, and the chair sees the files
 * listed with `/da06 evidence`.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases.ts';
import { EXE, PDF } from '../../support/evidence-files.ts';
import {
  commandFields,
  confirmationOf,
  elementOf,
  type Harness,
  type ReportInput,
  reportValues,
  startHarness,
  textOf,
  USERS,
  viewOutput,
  viewSubmission,
} from '../../support/slack/harness.ts';

describeEachDatabase('Slack evidence files', (db) => {
  let h: Harness;
  let taskIds: Record<string, number>;

  beforeAll(async () => {
    h = await startHarness(db());
    const tasks = await h.fixture.core.deps.plans.listTasks(h.fixture.core.deps.group.id);
    taskIds = Object.fromEntries(tasks.map((t) => [t.code, t.id]));
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(() => h.fake.reset());

  async function open(user: string, text: string): Promise<Record<string, unknown>> {
    const fields = commandFields(h, user, text);
    expect((await h.slack.command(fields)).status).toBe(200);
    const call = await h.fake.waitForCall('views.open', (c) => c.params.trigger_id === fields.trigger_id);
    return call.params.view as Record<string, unknown>;
  }

  const submit = (user: string, opened: Record<string, unknown>, input: ReportInput) =>
    h.slack.interactive(viewSubmission(user, viewOutput(opened, reportValues(input))));

  /** `/da06 text` as `user`: the ephemeral reply posted to its response_url, as text. */
  async function command(user: string, text: string): Promise<string> {
    const fields = commandFields(h, user, text);
    expect((await h.slack.command(fields)).status).toBe(200);
    const path = new URL(fields.response_url!).pathname;
    const reply = await h.fake.waitForResponse((post) => post.path === path);
    return textOf(reply.body.blocks);
  }

  it('the form offers a file input for PDF, DOCX, XLSX and pictures', async () => {
    const view = await open(USERS.lan, 'report 1');
    expect(elementOf(view, 'report_evidence_files')).toMatchObject({
      type: 'file_input',
      action_id: 'da06_evidence_files',
      filetypes: ['pdf', 'docx', 'xlsx', 'png', 'jpg', 'jpeg'],
    });
  });

  it('a member attaches a PDF: downloaded with the bot token, stored, and the chair sees it listed', async () => {
    const pdfId = h.fake.hostFile('Biên bản họp 15-6.pdf', PDF, 'application/pdf');
    const exeId = h.fake.hostFile('tool.pdf', EXE, 'application/pdf');
    const view = await open(USERS.lan, 'report 1');
    const response = await submit(USERS.lan, view, {
      task: taskIds['1'],
      status: 'in_progress',
      percent: '40',
      done: 'Đã tổ chức họp chuẩn bị',
      files: [
        { id: pdfId, name: 'Biên bản họp 15-6.pdf' },
        { id: exeId, name: 'tool.pdf' },
      ],
    });
    const confirmation = confirmationOf(response);
    expect(confirmation).toContain('Đã ghi nhận báo cáo nhiệm vụ 1');
    expect(confirmation).toContain('Đã lưu 1 tệp minh chứng: Biên bản họp 15-6.pdf.');
    expect(confirmation).toContain('Tệp "tool.pdf" không phải PDF, DOCX, XLSX, PNG hay JPEG');
    expect(confirmation).toContain('Báo cáo vẫn được lưu.');
    expect(h.fake.callsOf('files.info').map((c) => c.params.file)).toEqual([pdfId, exeId]);
    expect(h.fake.downloads.map((d) => [d.fileId, d.authorization])).toEqual([
      [pdfId, 'Bearer xoxb-test-token'],
      [exeId, 'Bearer xoxb-test-token'],
    ]);

    const rows = await db().client.reportEvidence.findMany({ where: { taskId: taskIds['1'] } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      fileName: 'Biên bản họp 15-6.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      memberId: h.fixture.viewers.lan.memberId,
    });
    expect(await h.fixture.core.deps.evidenceFiles!.get(rows[0]!.storageKey)).toEqual(PDF);

    const chairSees = await command(USERS.chair, 'evidence');
    expect(chairSees).toContain('Tệp minh chứng:');
    expect(chairSees).toContain('Nhiệm vụ 1 — CNTT, tháng 6/2024 (báo cáo lần 1): Biên bản họp 15-6.pdf');
    expect(chairSees).toContain('Nguyễn Thị Lan gửi lúc');
    const otherUnit = await command(USERS.ha, 'evidence');
    expect(otherUnit).toContain('Chưa có tệp minh chứng nào.');
  });

  it('a file Slack will not hand over: the report is kept and the member is told which file was not', async () => {
    const view = await open(USERS.minh, 'report 2');
    const response = await submit(USERS.minh, view, {
      task: taskIds['2'],
      status: 'in_progress',
      percent: '10',
      done: 'Đã khảo sát',
      files: [{ id: 'FGONE', name: 'Quyết định.pdf' }],
    });
    const confirmation = confirmationOf(response);
    expect(confirmation).toContain('Đã ghi nhận báo cáo nhiệm vụ 2');
    expect(confirmation).toContain('Không đọc được tệp "Quyết định.pdf"');
    expect(await db().client.statusReport.count({ where: { taskId: taskIds['2'] } })).toBe(1);
    expect(await db().client.reportEvidence.count({ where: { taskId: taskIds['2'] } })).toBe(0);
  });
});
