/**
 * The evidence store's contract, run on both adapters: the local directory, and the S3 adapter through
 * the real AWS SDK against a small S3-compatible server over HTTP (test/support/s3-fake.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceStorage } from '../../src/app/ports/evidence.ts';
import { LocalEvidenceStore, S3EvidenceStore } from '../../src/files/index.ts';
import { type S3Fake, startS3Fake } from '../support/s3-fake.ts';

const S3_TEST_CLIENT = {
  region: 'ap-southeast-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 1,
} as const;

function contract(name: string, make: () => EvidenceStorage) {
  describe(`evidence store contract: ${name}`, () => {
    let store: EvidenceStorage;
    beforeAll(() => {
      store = make();
    });

    it('put, get, list by prefix, delete', async () => {
      const pdf = Buffer.from('%PDF-1.7\nminh chứng\n');
      await store.put('task-1/rev-2/abc.pdf', pdf, 'application/pdf');
      await store.put('task-1/rev-3/def.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png');
      await store.put('task-2/rev-9/ghi.pdf', pdf, 'application/pdf');
      expect(await store.get('task-1/rev-2/abc.pdf')).toEqual(pdf);
      expect(await store.list('task-1/')).toEqual(['task-1/rev-2/abc.pdf', 'task-1/rev-3/def.png']);
      await store.delete('task-1/rev-2/abc.pdf');
      expect(await store.get('task-1/rev-2/abc.pdf')).toBeNull();
      expect(await store.list('task-1/')).toEqual(['task-1/rev-3/def.png']);
      await store.delete('task-1/rev-2/abc.pdf');
    });

    it('a key that is not there reads as null', async () => {
      expect(await store.get('task-7/rev-1/none.pdf')).toBeNull();
    });

    it('refuses keys that could leave their place', async () => {
      for (const key of [
        '../x.pdf',
        'task-1/../../etc/passwd',
        '/abs.pdf',
        'a//b.pdf',
        'a/./b.pdf',
        'tên có dấu.pdf',
      ]) {
        await expect(store.put(key, Buffer.from('%PDF-'), 'application/pdf'), key).rejects.toThrow(/refused/);
      }
    });
  });
}

contract('local directory', () => new LocalEvidenceStore(mkdtempSync(join(tmpdir(), 'da06-evidence-'))));

let fake: S3Fake;
beforeAll(async () => {
  fake = await startS3Fake();
});
afterAll(async () => {
  await fake?.close();
});

contract(
  'S3 over HTTP',
  () => new S3EvidenceStore({ bucket: 'evidence', endpoint: fake.endpoint, client: S3_TEST_CLIENT }),
);

describe('the S3 adapter on the wire', () => {
  it('puts the bytes unchanged with their content type, path-style', async () => {
    const store = new S3EvidenceStore({
      bucket: 'evidence',
      endpoint: fake.endpoint,
      client: S3_TEST_CLIENT,
    });
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3]);
    await store.put('task-5/rev-1/x.jpg', bytes, 'image/jpeg');
    expect(fake.objects.get('task-5/rev-1/x.jpg')).toEqual({ body: bytes, contentType: 'image/jpeg' });
    expect(fake.calls).toContain('PUT task-5/rev-1/x.jpg');
  });

  it('a store that is down throws (the core turns it into a clear refusal)', async () => {
    const store = new S3EvidenceStore({
      bucket: 'evidence',
      endpoint: fake.endpoint,
      client: S3_TEST_CLIENT,
    });
    fake.down = true;
    try {
      await expect(
        store.put('task-5/rev-1/y.pdf', Buffer.from('%PDF-'), 'application/pdf'),
      ).rejects.toThrow();
    } finally {
      fake.down = false;
    }
  });
});
