/**
 * A small copy of a chart PNG to put inline in a card (`data:image/png;base64,…`). Teams refuses bot
 * messages over about 28 KB, images included, and the full chart weighs far more; so the picture is
 * shrunk (area averaging), reduced to a palette of its most used colours (charts have few) and
 * written as an indexed PNG, at the largest width whose data URL fits the budget. Pure and
 * synchronous (node:zlib only): the renderers stay pure. The full-size chart is in the document.
 */
import { deflateSync, inflateSync } from 'node:zlib';

export interface Thumbnail {
  url: string;
  width: number;
  height: number;
}

/** Widths tried, largest first. */
const WIDTHS = [800, 720, 640, 560, 480, 400, 320, 240];
const PALETTE_MAX = 24;
/** Colours of the palette are at least this far apart (RGB distance). */
const DISTINCT = 40;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The largest thumbnail whose data URL is at most `maxChars` long, or null (none fits, or not a PNG we read). */
export function pngThumbnail(png: Buffer, maxChars: number): Thumbnail | null {
  let image: Rgba;
  try {
    image = decodePng(png);
  } catch {
    return null;
  }
  for (const width of WIDTHS) {
    if (width > image.width) continue;
    const height = Math.max(1, Math.round((image.height * width) / image.width));
    const bytes = encodeIndexed(resize(image, width, height));
    const url = `data:image/png;base64,${bytes.toString('base64')}`;
    if (url.length <= maxChars) return { url, width, height };
  }
  return null;
}

interface Rgba {
  width: number;
  height: number;
  /** 4 bytes a pixel, row by row. */
  data: Uint8Array;
}

/** 8-bit RGB or RGBA, not interlaced: what the chart renderer writes. Throws on anything else. */
export function decodePng(bytes: Buffer): Rgba {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colorType = data[9]!;
      if (data[8] !== 8 || (colorType !== 2 && colorType !== 6) || data[12] !== 0)
        throw new Error('unsupported PNG');
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
  }
  if (width === 0 || height === 0 || width * height > 16_000_000) throw new Error('bad PNG size');
  const channels = colorType === 6 ? 4 : 3;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length < (stride + 1) * height) throw new Error('short PNG');
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const at = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[at + x - channels]! : 0;
      const b = y > 0 ? rows[at - stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[at - stride + x - channels]! : 0;
      const value = raw[src + x]!;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error('bad PNG filter');
      rows[at + x] = (value + predicted) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    data[i * 4] = rows[j]!;
    data[i * 4 + 1] = rows[j + 1]!;
    data[i * 4 + 2] = rows[j + 2]!;
    data[i * 4 + 3] = channels === 4 ? rows[j + 3]! : 255;
  }
  return { width, height, data };
}

/** Area-averaging downscale, composited on white (the card background may be dark; the chart is white). */
function resize(image: Rgba, width: number, height: number): Rgba {
  const out = new Uint8Array(width * height * 4);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let yy = y0; yy < y1 && yy < image.height; yy++) {
        for (let xx = x0; xx < x1 && xx < image.width; xx++) {
          const i = (yy * image.width + xx) * 4;
          const alpha = image.data[i + 3]! / 255;
          r += image.data[i]! * alpha + 255 * (1 - alpha);
          g += image.data[i + 1]! * alpha + 255 * (1 - alpha);
          b += image.data[i + 2]! * alpha + 255 * (1 - alpha);
          n++;
        }
      }
      const o = (y * width + x) * 4;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = 255;
    }
  }
  return { width, height, data: out };
}

/** An indexed (palette) PNG of the most used colours, each pixel mapped to the nearest one. */
function encodeIndexed(image: Rgba): Buffer {
  const { width, height, data } = image;
  const counts = new Map<number, number>();
  for (let i = 0; i < width * height; i++) {
    // Counted on 5 bits a channel, so antialiasing shades do not crowd out the real colours.
    const key = ((data[i * 4]! >> 3) << 10) | ((data[i * 4 + 1]! >> 3) << 5) | (data[i * 4 + 2]! >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Most used first, skipping shades close to a colour already taken, so that a small legend swatch
  // keeps its colour rather than giving its place to antialiasing greys.
  const palette: (readonly [number, number, number])[] = [];
  for (const [key] of [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
    if (palette.length >= PALETTE_MAX) break;
    const colour = [level(key >> 10), level(key >> 5), level(key)] as const;
    const distinct = palette.every(
      ([r, g, b]) => (r - colour[0]) ** 2 + (g - colour[1]) ** 2 + (b - colour[2]) ** 2 > DISTINCT ** 2,
    );
    if (distinct) palette.push(colour);
  }
  const nearest = new Map<number, number>();
  const indexOf = (r: number, g: number, b: number): number => {
    const key = (r << 16) | (g << 8) | b;
    let found = nearest.get(key);
    if (found === undefined) {
      let best = Number.POSITIVE_INFINITY;
      found = 0;
      palette.forEach(([pr, pg, pb], i) => {
        const d = (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2;
        if (d < best) {
          best = d;
          found = i;
        }
      });
      nearest.set(key, found);
    }
    return found;
  };
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      raw[y * (width + 1) + 1 + x] = indexOf(data[i]!, data[i + 1]!, data[i + 2]!);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 3; // indexed colour
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(palette.flat())),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 5-bit channel (the low bits of `bits`) back on 0–255, white staying white. */
function level(bits: number): number {
  return Math.round(((bits & 31) * 255) / 31);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Buffer): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
