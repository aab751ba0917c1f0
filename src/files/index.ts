/** The evidence store the settings name: the S3 bucket when EVIDENCE_S3_BUCKET is set, else EVIDENCE_DIR. */
import { dirname, join, resolve } from 'node:path';
import type { EvidenceStorage } from '../app/ports/evidence.ts';
import { LocalEvidenceStore } from './local-evidence-store.ts';
import { S3EvidenceStore } from './s3-evidence-store.ts';

export interface EvidenceSettings {
  EVIDENCE_DIR?: string | undefined;
  EVIDENCE_S3_BUCKET?: string | undefined;
  EVIDENCE_S3_ENDPOINT?: string | undefined;
  DATABASE_URL: string;
}

export function evidenceStorage(settings: EvidenceSettings): EvidenceStorage {
  if (settings.EVIDENCE_S3_BUCKET) {
    return new S3EvidenceStore({
      bucket: settings.EVIDENCE_S3_BUCKET,
      endpoint: settings.EVIDENCE_S3_ENDPOINT,
    });
  }
  return new LocalEvidenceStore(evidenceDirectory(settings));
}

/** EVIDENCE_DIR, else `evidence/` beside a SQLite database file, else ./data/evidence. */
export function evidenceDirectory(settings: EvidenceSettings): string {
  if (settings.EVIDENCE_DIR) return resolve(settings.EVIDENCE_DIR);
  const file = /^file:(.+)$/i.exec(settings.DATABASE_URL)?.[1];
  if (file && !file.startsWith(':memory:')) return join(dirname(resolve(file.split('?')[0]!)), 'evidence');
  return resolve('data/evidence');
}

export { LocalEvidenceStore, S3EvidenceStore };
