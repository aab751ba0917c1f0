/**
 * The Teams app package: the manifest validates against the official 1.29 schema, the icons are the
 * sizes Teams asks for (the outline white on transparent), and `npm run teams:package` writes a zip
 * holding exactly those files with the bot id filled in.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildManifest,
  buildTeamsPackage,
  drawColorIcon,
  drawOutlineIcon,
  encodePng,
  MANIFEST_DIR,
  PLACEHOLDER_BOT_ID,
  readManifestTemplate,
} from '../../../scripts/teams-package.ts';
import { readPng, readZip } from '../../support/teams/files.ts';
import { APP_ID } from '../../support/teams/harness.ts';
import { manifestSchemaErrors } from '../../support/teams/schemas.ts';

const manifestDir = resolve(import.meta.dirname, '../../../manifests/teams');

describe('Teams app manifest and icons', () => {
  it('the committed manifest validates against the Teams manifest 1.29 schema', () => {
    const manifest = readManifestTemplate(manifestDir);
    expect(MANIFEST_DIR).toBe(manifestDir);
    expect(manifestSchemaErrors(manifest)).toEqual([]);
    expect(manifest.manifestVersion).toBe('1.29');
    const bot = (
      manifest.bots as {
        botId: string;
        scopes: string[];
        commandLists: { commands: { title: string }[] }[];
      }[]
    )[0]!;
    expect(bot.botId).toBe(PLACEHOLDER_BOT_ID);
    expect(bot.scopes).toEqual(['personal', 'team']);
    expect(bot.commandLists[0]!.commands.map((c) => c.title)).toEqual([
      'nhiệm vụ',
      'báo cáo',
      'tổng hợp',
      'quá hạn',
      'giao ban',
      'thành viên',
      'trợ giúp',
    ]);
    expect(manifest.validDomains).toContain('token.botframework.com');
  });

  it('the bot supports files, since `/da06 export` sends a file consent card in a personal chat', () => {
    const manifest = readManifestTemplate(manifestDir);
    const bot = (manifest.bots as { supportsFiles?: boolean }[])[0]!;
    expect(bot.supportsFiles).toBe(true);
    expect(manifestSchemaErrors(manifest)).toEqual([]);
    expect(manifestSchemaErrors(buildManifest(manifest, APP_ID))).toEqual([]);
  });

  it('the schema check really checks (a wrong version, a missing icon fail)', () => {
    const manifest = readManifestTemplate(manifestDir);
    expect(manifestSchemaErrors({ ...manifest, manifestVersion: '1.16' })).not.toEqual([]);
    expect(manifestSchemaErrors({ ...manifest, icons: { color: 'color.png' } })).not.toEqual([]);
    expect(manifestSchemaErrors(buildManifest(manifest, 'not-a-guid'))).not.toEqual([]);
  });

  it('color.png is 192×192 and opaque; outline.png is 32×32, white on transparent', () => {
    const color = readPng(readFileSync(join(manifestDir, 'color.png')));
    expect([color.width, color.height, color.colorType, color.bitDepth]).toEqual([192, 192, 6, 8]);
    for (let i = 3; i < color.pixels.length; i += 4) expect(color.pixels[i]).toBe(255);

    const outline = readPng(readFileSync(join(manifestDir, 'outline.png')));
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a === 0) transparent++;
      else {
        expect([r, g, b, a]).toEqual([255, 255, 255, 255]);
        opaque++;
      }
    }
    expect(opaque).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(500);
  });

  it('the committed icons are what the script draws', () => {
    expect(readFileSync(join(manifestDir, 'color.png')).equals(drawColorIcon())).toBe(true);
    expect(readFileSync(join(manifestDir, 'outline.png')).equals(drawOutlineIcon())).toBe(true);
  });

  it('the PNG encoder round-trips pixels', () => {
    const pixels = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const png = readPng(encodePng(3, 2, pixels));
    expect([png.width, png.height]).toEqual([3, 2]);
    expect([...png.pixels]).toEqual([...pixels]);
  });
});

describe('npm run teams:package', () => {
  it('writes the zip with the manifest (bot id from MicrosoftAppId, extra domain) and both icons', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'da06-teams-')), 'da06-teams.zip');
    const result = await buildTeamsPackage({
      appId: APP_ID,
      outFile: out,
      manifestDir,
      domains: ['bot.baohiemxahoi.gov.vn'],
    });
    expect(result.warnings).toEqual([]);
    const files = readZip(readFileSync(out));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifestSchemaErrors(manifest)).toEqual([]);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['token.botframework.com', 'bot.baohiemxahoi.gov.vn']);
    expect(readPng(files.get('color.png')!).width).toBe(192);
    expect(readPng(files.get('outline.png')!).width).toBe(32);
  });

  it('without MicrosoftAppId it uses the placeholder and says so; a malformed id is refused', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'da06-teams-')), 'pkg.zip');
    const result = await buildTeamsPackage({ appId: undefined, outFile: out, manifestDir });
    expect(result.manifest.bots[0]!.botId).toBe(PLACEHOLDER_BOT_ID);
    expect(result.warnings.join('\n')).toContain('MicrosoftAppId chưa được đặt');
    await expect(buildTeamsPackage({ appId: 'my-bot', outFile: out, manifestDir })).rejects.toThrow(
      'không phải một GUID',
    );
  });
});
