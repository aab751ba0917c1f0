/**
 * Requests that are signed but malformed, signed with an odd timestamp, from the future, or too
 * large: each gets an HTTP answer (400, 401 or 413), nothing is stored, and the bot keeps serving.
 * Found by an outside test of the running bot (issue 16): `payload=null` killed the process, a
 * signed `payload="string"` got no answer, timestamps from the future verified forever.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases.ts';
import { commandFields, type Harness, SECRET, startHarness, USERS } from '../../support/slack/harness.ts';

const FORM = 'application/x-www-form-urlencoded';

describeEachDatabase('Slack request guard', (db) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(db());
  });
  afterAll(async () => {
    await h?.close();
  });

  const stored = () => db().client.statusReport.count();

  /** Posts `body` signed over exactly the timestamp header as written. */
  async function postWithTimestamp(body: string, timestampHeader: string) {
    const response = await fetch(h.slack.url, {
      method: 'POST',
      headers: {
        'content-type': FORM,
        'x-slack-request-timestamp': timestampHeader,
        'x-slack-signature': `v0=${hmacHex(timestampHeader, body)}`,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, body: await response.text() };
  }

  function hmacHex(timestamp: string, body: string): string {
    return createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  }

  async function stillServing() {
    const response = await h.slack.command(commandFields(h, USERS.lan, 'help'));
    expect(response.status).toBe(200);
  }

  it.each([
    ['payload=null', 'payload=null'],
    ['payload="string"', `payload=${encodeURIComponent('"string"')}`],
    ['payload=[]', `payload=${encodeURIComponent('[]')}`],
    ['payload=42', 'payload=42'],
    ['payload that is not JSON', 'payload=%7Bnope'],
    ['payload in braces that is not JSON', 'payload=%7Bnope%7D'],
    ['payload given twice', `payload=${encodeURIComponent('{}')}&payload=${encodeURIComponent('{}')}`],
    ['payload given twice, the second key escaped', `payload=${encodeURIComponent('{}')}&payloa%64=null`],
    ['payload=null with spaces and a broken escape', 'payload=+null+%ZZ'],
  ])('a signed body with %s: 400, nothing stored, the bot goes on', async (_name, body) => {
    const response = await h.slack.post(body, FORM);
    expect(response.status).toBe(400);
    expect(await stored()).toBe(0);
    await stillServing();
  });

  it('a signed JSON body that is not an object: 400', async () => {
    for (const body of ['null', '"x"', '[1]', '{nope', '{nope}', ' [{}] ']) {
      const response = await h.slack.post(body, 'application/json');
      expect(response.status).toBe(400);
    }
    await stillServing();
  });

  it('timestamps from the future are refused like stale ones', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const ahead of [6 * 60, 24 * 3600, 50 * 365 * 24 * 3600]) {
      const response = await h.slack.command(commandFields(h, USERS.lan, 'help'), { timestamp: now + ahead });
      expect(response.status, `+${ahead}s`).toBe(401);
    }
    const infinity = await postWithTimestamp('command=%2Fda06&text=help', 'Infinity');
    expect(infinity.status).toBe(401);
  });

  it('odd spellings of a fresh timestamp do not verify, even when signed that way', async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = new URLSearchParams(commandFields(h, USERS.lan, 'help')).toString();
    for (const spelling of [
      `0${now}`,
      `${now}.0`,
      `+${now}`,
      `0x${now.toString(16)}`,
      `${now / 1e9}e9`,
      ` ${now}`,
    ]) {
      const response = await postWithTimestamp(body, spelling);
      expect(response.status, spelling).toBe(401);
    }
    // The plain spelling of the same moment goes through.
    expect((await postWithTimestamp(body, String(now))).status).toBe(200);
  });

  it('a large unsigned body is refused before it is read; a large signed one is refused by size', async () => {
    const big = `payload=${'x'.repeat(4 * 1024 * 1024)}`;
    const unsigned = await h.slack.post(big, FORM, { signature: '' });
    expect(unsigned.status).toBe(401);
    const signed = await h.slack.post(big, FORM);
    expect(signed.status).toBe(413);
    await stillServing();
  });
});
