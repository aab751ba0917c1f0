/**
 * Evidence files in an S3-compatible bucket (EVIDENCE_S3_BUCKET; EVIDENCE_S3_ENDPOINT for MinIO, Ceph,
 * Viettel/FPT object storage…, addressed path-style), so every replica sees the same files. Region and
 * credentials come from the SDK's usual sources (AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 * a profile or an instance role). The SDK retries what it considers transient (its standard mode,
 * 3 attempts); what still fails is thrown to the core, which refuses the file with a clear message.
 */
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { type EvidenceStorage, isSafeKey } from '../app/ports/evidence.ts';

/**
 * The SDK is imported when the store is first used, not when the bot starts: it is most of a
 * Slack bot's memory otherwise (≈40 MB of a 190 MB idle process, `npm run bench`'s footprint),
 * and a bot keeping its evidence on disk never needs it.
 */
const sdk = () => import('@aws-sdk/client-s3');

export interface S3EvidenceOptions {
  bucket: string;
  /** An S3-compatible endpoint (path-style addressing); none for AWS itself. */
  endpoint?: string | undefined;
  /** Overrides for tests (region, credentials, request timeouts). */
  client?: S3ClientConfig;
}

export class S3EvidenceStore implements EvidenceStorage {
  readonly description: string;
  private readonly bucket: string;
  private readonly config: S3ClientConfig;
  private client: S3Client | null = null;

  constructor(options: S3EvidenceOptions) {
    this.bucket = options.bucket;
    this.description = `s3:${options.bucket}${options.endpoint ? `@${options.endpoint}` : ''}`;
    this.config = {
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      ...options.client,
    };
  }

  /** The SDK's client, made on first use. */
  private async connect(): Promise<S3Client> {
    const { S3Client } = await sdk();
    this.client ??= new S3Client(this.config);
    return this.client;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const [client, { PutObjectCommand }] = await Promise.all([this.connect(), sdk()]);
    await client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: checked(key), Body: bytes, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    const [client, { GetObjectCommand }] = await Promise.all([this.connect(), sdk()]);
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checked(key) }));
      if (!answer.Body) return null;
      return Buffer.from(await answer.Body.transformToByteArray());
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const [client, { ListObjectsV2Command }] = await Promise.all([this.connect(), sdk()]);
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async delete(key: string): Promise<void> {
    const [client, { DeleteObjectCommand }] = await Promise.all([this.connect(), sdk()]);
    await client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checked(key) }));
  }

  /** Closes the SDK's sockets, if it was used. */
  destroy(): void {
    this.client?.destroy();
    this.client = null;
  }
}

function checked(key: string): string {
  if (!isSafeKey(key)) throw new Error(`evidence key refused: ${JSON.stringify(key)}`);
  return key;
}
