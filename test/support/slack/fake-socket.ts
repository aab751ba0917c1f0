/**
 * Slack's Socket Mode end, enough for a test: a WebSocket endpoint (RFC 6455 by hand over node:http's
 * `upgrade`, text frames, ping → pong, close) that says hello, sends envelopes and records the acks.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class FakeSocketMode {
  readonly received: Record<string, unknown>[] = [];
  private socket: Duplex | null = null;
  private buffer = Buffer.alloc(0);

  constructor(server: Server) {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex) => this.accept(request, socket));
  }

  get connected(): boolean {
    return this.socket !== null;
  }

  send(message: unknown): void {
    this.socket?.write(frame(0x1, Buffer.from(JSON.stringify(message))));
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private accept(request: IncomingMessage, socket: Duplex): void {
    const key = String(request.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1')
      .update(key + GUID)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
    });
    socket.on('error', () => {});
    this.send({
      type: 'hello',
      num_connections: 1,
      connection_info: { app_id: 'A1' },
      debug_info: { host: 'test' },
    });
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const opcode = this.buffer[0]! & 0x0f;
      let length = this.buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (this.buffer[1]! & 0x80) !== 0;
      const mask = masked ? this.buffer.subarray(offset, offset + 4) : null;
      if (masked) offset += 4;
      if (this.buffer.length < offset + length) return;
      const payload = Buffer.from(this.buffer.subarray(offset, offset + length));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      this.buffer = this.buffer.subarray(offset + length);
      if (opcode === 0x1) this.received.push(JSON.parse(payload.toString('utf8')));
      else if (opcode === 0x9) this.socket?.write(frame(0xa, payload));
      else if (opcode === 0x8) {
        this.socket?.end(frame(0x8, payload));
        this.socket = null;
      }
    }
  }
}

/** A server-to-client frame (unmasked, final). */
function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const head =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([head, payload]);
}

function bigLength(length: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(BigInt(length));
  return out;
}
