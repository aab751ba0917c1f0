/**
 * Evidence files with a report, through the core: checked, hashed, stored (a local directory here),
 * recorded against the report revision with who and when; refusals say why and keep the report; a
 * store that is down refuses the file clearly; members only see files of tasks they may see.
 */
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { EvidenceStorage } from '../../../src/app/ports/evidence.ts';
import { attachEvidence, type EvidenceUpload, evidenceOf } from '../../../src/app/use-cases/evidence.ts';
import { S3EvidenceStore } from '../../../src/files/index.ts';
import { readDocx } from '../../reports/support.ts';
import { type CoreFixture, createCoreFixture } from '../../support/core.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { DOCX, EXE, PDF, PNG } from '../../support/evidence-files.ts';
import { startS3Fake } from '../../support/s3-fake.ts';
import { expectKind, good } from './support.ts';

const upload = (name: string, bytes: Uint8Array, size?: number): EvidenceUpload => ({
  name,
  size,
  read: async () => bytes,
});

describeEachDatabase('evidence files', (db) => {
  let f: CoreFixture;
  const june = { periodKey: '2024-06' };

  beforeAll(async () => {
    f = await createCoreFixture(db(), '2024-06-20T09:00:00+07:00');
    expect(await f.core.submitReport(f.viewers.lan, { task: '1', draft: good })).toMatchObject({
      kind: 'report-saved',
    });
    expect(await f.core.submitReport(f.viewers.minh, { task: '2', draft: good })).toMatchObject({
      kind: 'report-saved',
    });
  });

  const taskId = async (code: string) => (await f.core.tasks()).find((t) => t.code === code)!.id;

  it('a PDF and a DOCX are stored, hashed and recorded with who sent them', async () => {
    const notices = await f.core.attachEvidence(f.viewers.lan, { taskId: await taskId('1'), ...june }, [
      upload('Biên bản họp.pdf', PDF),
      upload('Quyết định 12.docx', DOCX),
    ]);
    expect(notices).toEqual([
      {
        kind: 'notice',
        tone: 'success',
        key: 'evidence.saved',
        params: { count: 2, names: 'Biên bản họp.pdf, Quyết định 12.docx' },
      },
    ]);
    const [pdf, docx] = await f.stores.evidence.forTasks([await taskId('1')]);
    expect(pdf).toMatchObject({
      unitCode: 'CNTT',
      periodKey: '2024-06',
      revision: 1,
      memberId: f.viewers.lan.memberId,
      memberName: 'Nguyễn Thị Lan',
      fileName: 'Biên bản họp.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    expect(pdf!.storageKey).toMatch(/^task-\d+\/rev-\d+\/[0-9a-f]{64}\.pdf$/);
    expect(await f.deps.evidenceFiles!.get(pdf!.storageKey)).toEqual(PDF);
    expect(await f.deps.evidenceFiles!.get(docx!.storageKey)).toEqual(DOCX);
  });

  it('refusals say why, one by one, and the good file of the same batch is kept', async () => {
    const notices = await f.core.attachEvidence(f.viewers.lan, { taskId: await taskId('1'), ...june }, [
      upload('chương trình.pdf', EXE),
      upload('../../../etc/cron.d/x.pdf', PDF),
      upload('quá lớn.pdf', PDF, 21 * 1024 * 1024),
      upload('ảnh.png', PNG),
    ]);
    expect(notices.map((n) => [n.tone, n.key, n.params?.name ?? n.params?.names])).toEqual([
      ['success', 'evidence.saved', 'ảnh.png'],
      ['error', 'error.evidence.type_refused', 'chương trình.pdf'],
      ['error', 'error.evidence.name_refused', '../../../etc/cron.d/x.pdf'],
      ['error', 'error.evidence.too_large', 'quá lớn.pdf'],
    ]);
    const names = (await f.stores.evidence.forTasks([await taskId('1')])).map((e) => e.fileName);
    expect(names).toEqual(['Biên bản họp.pdf', 'Quyết định 12.docx', 'ảnh.png']);
  });

  it('a store that is down: tried twice, then a clear refusal; the report stays, no row without its file', async () => {
    let tries = 0;
    const down: EvidenceStorage = {
      description: 'down',
      put: async () => {
        tries++;
        throw new Error('connect ECONNREFUSED 10.0.0.5:9000');
      },
      get: async () => null,
      list: async () => [],
      delete: async () => {},
    };
    const before = await f.stores.evidence.forTasks([await taskId('2')]);
    const notices = await attachEvidence(
      { ...f.deps, evidenceFiles: down },
      f.viewers.minh,
      {
        taskId: await taskId('2'),
        ...june,
      },
      [upload('Báo cáo.pdf', PDF)],
    );
    expect(tries).toBe(2);
    expect(notices).toEqual([
      {
        kind: 'notice',
        tone: 'error',
        key: 'error.evidence.store_unavailable',
        params: { name: 'Báo cáo.pdf', reason: 'connect ECONNREFUSED 10.0.0.5:9000' },
      },
    ]);
    expect(await f.stores.evidence.forTasks([await taskId('2')])).toEqual(before);
    const reports = await f.stores.reports.forPeriod('2024-06', [await taskId('2')]);
    expect(reports.map((r) => r.unitCode)).toEqual(['VP']);
  });

  it('through an S3-compatible store over HTTP: kept in the bucket; refused clearly while the store is down', async () => {
    const fake = await startS3Fake();
    try {
      const bucket = new S3EvidenceStore({
        bucket: fake.bucket,
        endpoint: fake.endpoint,
        client: {
          region: 'ap-southeast-1',
          credentials: { accessKeyId: 'k', secretAccessKey: 's' },
          maxAttempts: 1,
        },
      });
      const s3Deps = { ...f.deps, evidenceFiles: bucket };
      const target = { taskId: await taskId('2'), ...june };
      const kept = await attachEvidence(s3Deps, f.viewers.minh, target, [upload('Kế hoạch.png', PNG)]);
      expect(kept).toMatchObject([{ tone: 'success', key: 'evidence.saved' }]);
      const [row] = (await f.stores.evidence.forTasks([target.taskId])).filter(
        (e) => e.fileName === 'Kế hoạch.png',
      );
      expect(fake.objects.get(row!.storageKey)?.body).toEqual(PNG);

      fake.down = true;
      const refused = await attachEvidence(s3Deps, f.viewers.minh, target, [upload('Lần hai.png', PNG)]);
      expect(refused).toMatchObject([
        { tone: 'error', key: 'error.evidence.store_unavailable', params: { name: 'Lần hai.png' } },
      ]);
      const names = (await f.stores.evidence.forTasks([target.taskId])).map((e) => e.fileName);
      expect(names).not.toContain('Lần hai.png');
      bucket.destroy();
    } finally {
      await fake.close();
    }
  });

  it('no report yet, or not your task: refused', async () => {
    expect(
      await f.core.attachEvidence(f.viewers.ha, { taskId: await taskId('3'), ...june }, [
        upload('a.pdf', PDF),
      ]),
    ).toMatchObject([{ tone: 'error', key: 'error.evidence.no_report', params: { task: '3' } }]);
    expect(
      await f.core.attachEvidence(f.viewers.ha, { taskId: await taskId('1'), ...june }, [
        upload('a.pdf', PDF),
      ]),
    ).toMatchObject([{ tone: 'error', key: 'auth.not_your_task' }]);
  });

  it("the chair's DOCX report lists the files in an annex, with their full SHA-256", async () => {
    const view = await f.core.handle(f.viewers.chair, { name: 'export', period: '2024-06', format: 'docx' });
    const { paragraphs } = readDocx(expectKind(view, 'file').bytes);
    const title = paragraphs.indexOf('DANH MỤC TỆP MINH CHỨNG KÈM THEO BÁO CÁO');
    expect(title).toBeGreaterThan(0);
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(paragraphs[title + 1]).toMatch(
      new RegExp(
        `^1\\. Nhiệm vụ 1 — CNTT, tháng 6/2024: Biên bản họp\\.pdf \\(\\d+ B; SHA-256: ${sha}\\); người gửi: Nguyễn Thị Lan, ngày \\d{2}/\\d{2}/\\d{4}\\.$`,
      ),
    );
    const may = await f.core.handle(f.viewers.chair, { name: 'export', period: '2024-05', format: 'docx' });
    expect(readDocx(expectKind(may, 'file').bytes).paragraphs).not.toContain(
      'DANH MỤC TỆP MINH CHỨNG KÈM THEO BÁO CÁO',
    );
  });

  it('members see files of their tasks only; the chair sees all', async () => {
    await f.core.attachEvidence(f.viewers.minh, { taskId: await taskId('2'), ...june }, [
      upload('VP.pdf', PDF),
    ]);
    const tasks = await f.core.tasks();
    const seen = async (who: keyof CoreFixture['viewers']) =>
      (await evidenceOf(f.deps, f.viewers[who], tasks)).map((e) => e.fileName).sort();
    expect(await seen('chair')).toEqual([
      'Biên bản họp.pdf',
      'Kế hoạch.png',
      'Quyết định 12.docx',
      'VP.pdf',
      'ảnh.png',
    ]);
    expect(await seen('minh')).toEqual(['Kế hoạch.png', 'VP.pdf']);
    expect(await seen('ha')).toEqual([]);
    // CNTT coordinates task 2, so Lan sees VP's file too.
    expect(await seen('lan')).toEqual([
      'Biên bản họp.pdf',
      'Kế hoạch.png',
      'Quyết định 12.docx',
      'VP.pdf',
      'ảnh.png',
    ]);
  });
});
