/**
 * What a started bot loads: only what its settings use. A Slack bot keeping evidence on disk and
 * without the dashboard loads neither the S3 SDK (≈40 MB of its memory when it did, `npm run bench`'s
 * footprint) nor the dashboard's or the plan readers' libraries. The real `da06 start`, spawned
 * with a hook that records every package resolved from node_modules.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { FakeSlack } from '../support/slack/fake-slack.ts';
import { SECRET } from '../support/slack/harness.ts';

const BIN = resolve(import.meta.dirname, '../../bin/da06.js');
const HOOK = resolve(import.meta.dirname, 'support/record-packages.mjs');

it('a Slack bot with evidence on disk and no dashboard loads no S3 SDK, plan reader or browser library', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'da06-startup-'));
  const record = join(dir, 'packages.txt');
  writeFileSync(record, '');
  const slack = new FakeSlack();
  await slack.start();
  const child = spawn(process.execPath, ['--import', HOOK, BIN, 'start'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      DATABASE_URL: `file:${join(dir, 'bot.db')}`,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SCHEDULER_GRACE_HOURS: '0',
      LOG_LEVEL: 'info',
      DA06_RECORD_PACKAGES: record,
    },
  });
  let log = '';
  try {
    await new Promise<void>((ready, fail) => {
      const look = (chunk: Buffer) => {
        log += chunk;
        if (/"paths":\[[^\]]*"\/slack\/events"/.test(log)) ready();
      };
      child.stdout.on('data', look);
      child.stderr.on('data', look);
      child.on('close', () => fail(new Error(`exited before listening:\n${log}`)));
    });
    // A second, quiet moment for the scheduler's first tick to load what it loads.
    await new Promise((wait) => setTimeout(wait, 1000));
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.on('close', done));
    await slack.stop();
  }
  const loaded = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  expect(loaded).toContain('@slack/bolt'); // the hook saw the channel's SDK load
  for (const unused of ['@aws-sdk/client-s3', 'pdfjs-dist', 'mammoth', 'playwright-core', 'axe-core']) {
    expect(loaded, unused).not.toContain(unused);
  }
}, 120_000);
