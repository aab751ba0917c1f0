/**
 * Where evidence files' bytes are kept (docs/adr/0023-evidence-files-and-invitations.md): a small
 * key–value port with two adapters in src/files — a local directory (EVIDENCE_DIR, the default) and
 * an S3-compatible bucket (EVIDENCE_S3_BUCKET) for several replicas. Keys are made by the core
 * (`task-12/rev-345/<sha256>.pdf`), never from a name someone typed. An adapter that cannot reach its
 * store throws; the core retries once and then refuses the file with a clear message.
 */
export interface EvidenceStorage {
  /** "local:/var/lib/da06/evidence" or "s3:bucket", for logs and `da06 evidence check`. */
  readonly description: string;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when no object has this key. */
  get(key: string): Promise<Buffer | null>;
  /** Keys starting with `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
  /** Removes the object; a key that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** Whether a key is one the core makes: segments of [A-Za-z0-9._-], no empty, "." or ".." segment. */
export function isSafeKey(key: string): boolean {
  const segments = key.split('/');
  return (
    key.length > 0 &&
    key.length <= 512 &&
    segments.every((s) => /^[A-Za-z0-9._-]+$/.test(s) && s !== '.' && s !== '..')
  );
}
