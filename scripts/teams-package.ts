/**
 * `npm run teams:package`: the Teams app package (docs/teams.md) — `out/da06-teams.zip` holding
 * `manifest.json` (from manifests/teams/manifest.json, the bot id filled from MicrosoftAppId) and the
 * two icons. Upload it in the Teams admin center or with Teams' "Upload a custom app".
 *
 *   npm run teams:package [-- --out FILE] [--domain bot.example.vn]… [--icons]
 *
 * `--domain` adds the bot's public host to validDomains; `--icons` draws manifests/teams/color.png
 * (192×192) and outline.png (32×32, white on transparent) again. The PNG encoder below is written by
 * hand (node:zlib deflate, CRC-32), as no image library is installed.
 */
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync } from 'node:zlib';
import yazl from 'yazl';

export const MANIFEST_DIR = resolve(import.meta.dirname, '../manifests/teams');
export const DEFAULT_OUT = resolve(import.meta.dirname, '../out/da06-teams.zip');
/** The bot id of the committed manifest: replaced by MicrosoftAppId when packaging. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

// ---------------------------------------------------------------------------------------------
// PNG

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An 8-bit RGBA PNG of `rgba` (width × height × 4 bytes, rows top to bottom, filter 0 on every row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('encodePng: wrong pixel count');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(rows, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4);
  }

  set(x: number, y: number, [r, g, b, a]: readonly number[]): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.pixels.set([r!, g!, b!, a!], (y * this.width + x) * 4);
  }

  rect(x0: number, y0: number, w: number, h: number, color: readonly number[]): void {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) this.set(x, y, color);
  }

  /** Text in a 5×7 pixel font, each font pixel `scale` pixels wide. */
  text(value: string, x0: number, y0: number, scale: number, color: readonly number[]): void {
    [...value].forEach((char, i) => {
      const glyph = FONT[char];
      if (!glyph) return;
      glyph.forEach((row, gy) => {
        [...row].forEach((bit, gx) => {
          if (bit === '1') this.rect(x0 + (i * 6 + gx) * scale, y0 + gy * scale, scale, scale, color);
        });
      });
    });
  }

  png(): Buffer {
    return encodePng(this.width, this.height, this.pixels);
  }
}

const FONT: Record<string, string[]> = {
  '0': ['01110', '10001', '10001', '10001', '10001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
};

const WHITE = [255, 255, 255, 255] as const;
const BLUE = [11, 92, 171, 255] as const; // #0B5CAB, the accent colour of the manifest
const ORANGE = [245, 166, 35, 255] as const;

/** 192×192, opaque: "06" in white on BHXH blue, with an orange bar (a task ticked off). */
export function drawColorIcon(): Buffer {
  const canvas = new Canvas(192, 192);
  canvas.rect(0, 0, 192, 192, BLUE);
  // "06": two glyphs of 5×7 at scale 12 with one column between them: 11 × 12 = 132 wide, 84 high.
  canvas.text('06', 30, 40, 12, WHITE);
  canvas.rect(30, 140, 132, 12, ORANGE);
  return canvas.png();
}

/** 32×32: a white frame and "06" in white, on a transparent background (Teams' outline icon). */
export function drawOutlineIcon(): Buffer {
  const canvas = new Canvas(32, 32);
  canvas.rect(1, 1, 30, 1, WHITE);
  canvas.rect(1, 30, 30, 1, WHITE);
  canvas.rect(1, 1, 1, 30, WHITE);
  canvas.rect(30, 1, 1, 30, WHITE);
  // 11 × 2 = 22 wide, 14 high, centred.
  canvas.text('06', 5, 9, 2, WHITE);
  return canvas.png();
}

// ---------------------------------------------------------------------------------------------
// Manifest and package

export type Manifest = Record<string, unknown> & { bots: { botId: string }[]; validDomains?: string[] };

export function readManifestTemplate(dir = MANIFEST_DIR): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** The manifest with the bot's id and extra valid domains. */
export function buildManifest(template: Manifest, botId: string, domains: string[] = []): Manifest {
  const manifest = structuredClone(template);
  for (const bot of manifest.bots) bot.botId = botId;
  manifest.validDomains = [...new Set([...(manifest.validDomains ?? []), ...domains])];
  return manifest;
}

export interface PackageOptions {
  /** MicrosoftAppId; the placeholder (with a warning) when not given. */
  appId?: string | undefined;
  outFile?: string;
  manifestDir?: string;
  domains?: string[];
}

export interface PackageResult {
  file: string;
  manifest: Manifest;
  entries: string[];
  warnings: string[];
}

export async function buildTeamsPackage(options: PackageOptions = {}): Promise<PackageResult> {
  const dir = options.manifestDir ?? MANIFEST_DIR;
  const out = options.outFile ?? DEFAULT_OUT;
  const warnings: string[] = [];
  let botId = options.appId?.trim() ?? '';
  if (botId === '') {
    warnings.push(
      `MicrosoftAppId chưa được đặt: gói dùng mã bot tạm ${PLACEHOLDER_BOT_ID}, Teams sẽ không gọi được bot. Đặt MicrosoftAppId rồi chạy lại.`,
    );
    botId = PLACEHOLDER_BOT_ID;
  } else if (!GUID.test(botId)) {
    throw new Error(
      `MicrosoftAppId "${botId}" không phải một GUID (App ID của Azure Bot có dạng xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`,
    );
  }
  for (const domain of options.domains ?? []) {
    if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(domain))
      throw new Error(`--domain "${domain}": cần một tên miền, ví dụ bot.baohiemxahoi.gov.vn`);
  }
  const manifest = buildManifest(readManifestTemplate(dir), botId, options.domains);
  const zip = new yazl.ZipFile();
  const mtime = new Date('2026-01-01T00:00:00Z'); // the same bytes for the same inputs
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json', { mtime });
  const icons = manifest.icons as { color: string; outline: string };
  for (const icon of [icons.color, icons.outline])
    zip.addBuffer(readFileSync(join(dir, icon)), icon, { mtime });
  mkdirSync(dirname(out), { recursive: true });
  await new Promise<void>((done, fail) => {
    const stream = createWriteStream(out);
    stream.on('close', done).on('error', fail);
    zip.outputStream.on('error', fail).pipe(stream);
    zip.end();
  });
  return { file: out, manifest, entries: ['manifest.json', icons.color, icons.outline], warnings };
}

export function writeIcons(dir = MANIFEST_DIR): void {
  writeFileSync(join(dir, 'color.png'), drawColorIcon());
  writeFileSync(join(dir, 'outline.png'), drawOutlineIcon());
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      domain: { type: 'string', multiple: true },
      icons: { type: 'boolean' },
    },
  });
  if (values.icons) {
    writeIcons();
    console.error(`Đã vẽ lại ${join(MANIFEST_DIR, 'color.png')} và outline.png.`);
  }
  const { loadSettings } = await import('../src/config/load-settings.ts');
  const settings = loadSettings();
  const result = await buildTeamsPackage({
    appId: settings.MicrosoftAppId,
    ...(values.out ? { outFile: resolve(values.out) } : {}),
    domains: values.domain ?? [],
  });
  for (const warning of result.warnings) console.error(`⚠ ${warning}`);
  console.log(`Đã tạo gói ứng dụng Teams: ${result.file} (${result.entries.join(', ')}).`);
  console.log(
    'Tải lên tại Trung tâm quản trị Teams (Ứng dụng Teams → Quản lý ứng dụng → Tải lên) hoặc Teams → Ứng dụng → Quản lý ứng dụng → Tải lên ứng dụng tùy chỉnh.',
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
