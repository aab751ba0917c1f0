/**
 * Evidence files in an S3-compatible bucket (EVIDENCE_S3_BUCKET; EVIDENCE_S3_ENDPOINT for MinIO, Ceph,
 * Viettel/FPT object storage…, addressed path-style), so every replica sees the same files. Region and
 * credentials come from the SDK's usual sources (AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * a profile or an instance role). The SDK retries what it considers transient (its standard mode,
 * 3 attempts); what still fails is thrown to the core, which refuses the file with a clear message.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { type EvidenceStorage, isSafeKey } from '../app/ports/evidence.ts';

export interface S3EvidenceOptions {
  bucket: string;
  /** An S3-compatible endpoint (path-style addressing); none for AWS itself. */
  endpoint?: string | undefined;
  /** Overrides for tests (region, credentials, request timeouts). */
  client?: S3ClientConfig;
}

export class S3EvidenceStore implements EvidenceStorage {
  readonly description: string;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3EvidenceOptions) {
    this.bucket = options.bucket;
    this.description = `s3:${options.bucket}${options.endpoint ? `@${options.endpoint}` : ''}`;
    this.client = new S3Client({
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      ...options.client,
    });
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: checked(key), Body: bytes, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checked(key) }));
      if (!answer.Body) return null;
      return Buffer.from(await answer.Body.transformToByteArray());
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checked(key) }));
  }

  /** Closes the SDK's sockets. */
  destroy(): void {
    this.client.destroy();
  }
}

function checked(key: string): string {
  if (!isSafeKey(key)) throw new Error(`evidence key refused: ${JSON.stringify(key)}`);
  return key;
}
