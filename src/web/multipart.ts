/**
 * multipart/form-data (RFC 7578) for the plan upload: fields as text, files as bytes. Small and
 * strict: a body without its boundary, or a part without a name, is refused.
 */
export interface UploadedFile {
  field: string;
  fileName: string;
  bytes: Buffer;
}

export interface Multipart {
  fields: URLSearchParams;
  files: UploadedFile[];
}

export function boundaryOf(contentType: string | undefined): string | null {
  const match = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? null) : null;
}

export function parseMultipart(body: Buffer, boundary: string): Multipart {
  const fields = new URLSearchParams();
  const files: UploadedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break; // the closing delimiter
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // A part: CRLF, headers, CRLF CRLF, content, CRLF (before the next delimiter).
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const fileName = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined && fileName !== undefined) {
        if (fileName !== '') files.push({ field: name, fileName, bytes: Buffer.from(content) });
      } else if (name !== undefined) fields.append(name, content.toString('utf8'));
    }
    start = next;
  }
  return { fields, files };
}
