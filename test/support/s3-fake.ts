/**
 * A tiny S3-compatible server over real HTTP (path-style: /bucket/key) that speaks the four calls the
 * evidence store makes — PutObject, GetObject, ListObjectsV2, DeleteObject — so the S3 adapter is
 * tested through the real AWS SDK, its signing and its XML parsing. `down = true` answers 503 to
 * everything (an object store that is down). Request signatures are not checked.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3Fake {
  endpoint: string;
  bucket: string;
  objects: Map<string, { body: Buffer; contentType: string }>;
  /** Requests seen, "PUT key", "GET key", "LIST prefix", "DELETE key". */
  calls: string[];
  down: boolean;
  close(): Promise<void>;
}

export async function startS3Fake(bucket = 'evidence'): Promise<S3Fake> {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const calls: string[] = [];
  const state = { down: false };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    if (state.down) {
      res.writeHead(503, { 'content-type': 'application/xml' });
      res.end(errorXml('ServiceUnavailable', 'Please reduce your request rate.'));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    const [, bucketName = '', ...rest] = url.pathname.split('/');
    const key = rest.map(decodeURIComponent).join('/');
    if (bucketName !== bucket) {
      res.writeHead(404, { 'content-type': 'application/xml' });
      res.end(errorXml('NoSuchBucket', 'The specified bucket does not exist'));
      return;
    }
    if (req.method === 'PUT' && key) {
      calls.push(`PUT ${key}`);
      const decoded = isChunked(req) ? decodeAwsChunked(body) : body;
      objects.set(key, {
        body: decoded,
        contentType: String(req.headers['content-type'] ?? 'application/octet-stream'),
      });
      res.writeHead(200, { etag: '"fake"' });
      res.end();
      return;
    }
    if (req.method === 'GET' && key) {
      calls.push(`GET ${key}`);
      const found = objects.get(key);
      if (!found) {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end(errorXml('NoSuchKey', 'The specified key does not exist.'));
        return;
      }
      res.writeHead(200, { 'content-type': found.contentType, 'content-length': found.body.length });
      res.end(found.body);
      return;
    }
    if (req.method === 'GET' && url.searchParams.get('list-type') === '2') {
      const prefix = url.searchParams.get('prefix') ?? '';
      calls.push(`LIST ${prefix}`);
      const keys = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucket}</Name><Prefix>${escapeXml(prefix)}</Prefix><KeyCount>${keys.length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>${keys
          .map(
            (k) =>
              `<Contents><Key>${escapeXml(k)}</Key><Size>${objects.get(k)!.body.length}</Size></Contents>`,
          )
          .join('')}</ListBucketResult>`,
      );
      return;
    }
    if (req.method === 'DELETE' && key) {
      calls.push(`DELETE ${key}`);
      objects.delete(key);
      res.writeHead(204);
      res.end();
      return;
    }
    res.writeHead(400, { 'content-type': 'application/xml' });
    res.end(errorXml('InvalidRequest', `${req.method} ${req.url}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    objects,
    calls,
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function isChunked(req: IncomingMessage): boolean {
  return String(req.headers['content-encoding'] ?? '').includes('aws-chunked');
}

/** aws-chunked: "<hex size>[;chunk-signature=…]\r\n<bytes>\r\n" … "0\r\n" then trailers. */
function decodeAwsChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(offset, lineEnd).toString('latin1').split(';')[0]!, 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
