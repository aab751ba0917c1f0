/**
 * Sign-in links and sessions of the web dashboard on both databases, through the use cases that
 * issue and check them: signed, single use (also under a race), expiring, bound to an active member;
 * sessions that slide and end everywhere at sign-out; what can no longer be used pruned at sign-in.
 */
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/app/clock.ts';
import {
  currentSession,
  issueSignInUrl,
  linkSignIn,
  pruneWebSignIns,
  signOut,
  startSession,
  webLinkCommand,
} from '../../src/app/use-cases/web-sign-in.ts';
import { AppError } from '../../src/domain/errors.ts';
import { type CoreFixture, createCoreFixture } from '../support/core.ts';
import { describeEachDatabase } from '../support/databases.ts';

const token = (url: string) => new URL(url).searchParams.get('t') ?? '';
const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof AppError ? error.code : `not refused: ${String(error)}`;
}

describeEachDatabase('web sign-in links and sessions', (db) => {
  let fx: CoreFixture;
  const clock = fixedClock('2024-06-20T02:00:00Z');

  beforeAll(async () => {
    fx = await createCoreFixture(db());
    fx.deps.web = {
      publicUrl: 'https://da06.example.gov.vn',
      linkMinutes: 10,
      sessionHours: 8,
      maxUploadBytes: 5 * 1024 * 1024,
      clock,
    };
  });

  it('answers /da06 web with a personal link that works once', async () => {
    const view = await webLinkCommand(fx.deps, fx.viewers.lan);
    expect(view.key).toBe('web.link');
    const url = String(view.params?.url);
    expect(url).toMatch(/^https:\/\/da06\.example\.gov\.vn\/web\/signin\?t=[\w-]+\.[\w-]+$/);
    const verify = linkSignIn(fx.deps).verify;
    // Two browsers opening it at once: one wins.
    const outcomes = await Promise.allSettled([verify(token(url)), verify(token(url))]);
    expect(
      outcomes
        .filter((o) => o.status === 'fulfilled')
        .map((o) => (o as PromiseFulfilledResult<number>).value),
    ).toEqual([fx.viewers.lan.memberId]);
    expect(await refusal(verify(token(url)))).toBe('web.link_used');
  });

  it('refuses a forged, an unknown and an expired link', async () => {
    const verify = linkSignIn(fx.deps).verify;
    const url = await issueSignInUrl(fx.deps, (await fx.stores.members.byId(fx.viewers.minh.memberId))!);
    const [secret, signature] = token(url).split('.');
    expect(
      await refusal(verify(`${secret}.${signature!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`)),
    ).toBe('web.link_invalid');
    expect(await refusal(verify('nothing'))).toBe('web.link_invalid');
    clock.set('2024-06-20T02:10:01Z');
    expect(await refusal(verify(token(url)))).toBe('web.link_expired');
    clock.set('2024-06-20T02:00:00Z');
  });

  it('gives no link and no session to a deactivated member', async () => {
    const ha = (await fx.stores.members.byId(fx.viewers.ha.memberId))!;
    const url = await issueSignInUrl(fx.deps, ha);
    await fx.stores.members.deactivate(ha.id, 'test');
    expect(await refusal(issueSignInUrl(fx.deps, { ...ha, active: false }))).toBe('web.member_inactive');
    const memberId = await linkSignIn(fx.deps).verify(token(url));
    expect(await refusal(startSession(fx.deps, memberId))).toBe('web.member_inactive');
    await fx.stores.members.reactivate(ha.id, 'test');
  });

  it('slides a session for 8 hours after the last request and ends them all at sign-out', async () => {
    const a = await startSession(fx.deps, fx.viewers.chair.memberId);
    const b = await startSession(fx.deps, fx.viewers.chair.memberId);
    clock.set('2024-06-20T09:00:00Z'); // 7 h later
    expect((await currentSession(fx.deps, a.cookie))?.viewer.memberId).toBe(fx.viewers.chair.memberId);
    clock.set('2024-06-20T16:30:00Z'); // 7 h 30 after that: alive because it slid
    expect(await currentSession(fx.deps, a.cookie)).not.toBeNull();
    expect(await currentSession(fx.deps, b.cookie)).toBeNull(); // b was not used: expired
    expect(await signOut(fx.deps, fx.viewers.chair.memberId)).toBe(1);
    expect(await currentSession(fx.deps, a.cookie)).toBeNull();
    clock.set('2024-06-20T02:00:00Z');
  });

  it('prunes at sign-in: links a day after they expired, expired sessions, uploads past their day', async () => {
    const verify = linkSignIn(fx.deps).verify;
    const member = async (id: number) => (await fx.stores.members.byId(id))!;
    clock.set('2024-07-01T02:00:00Z');
    const used = await issueSignInUrl(fx.deps, await member(fx.viewers.lan.memberId));
    const old = await startSession(fx.deps, await verify(token(used)));
    const unused = await issueSignInUrl(fx.deps, await member(fx.viewers.minh.memberId));
    const upload = {
      id: 'prune-test-upload',
      memberId: fx.viewers.admin.memberId,
      fileName: 'ke-hoach.csv',
      bytes: new Uint8Array([1, 2, 3]),
      number: '1/KH',
      title: 'Kế hoạch',
      year: 2024,
      issuedOn: null,
      createdAt: clock.now(),
    };
    await fx.stores.webSessions.saveUpload(upload);
    const sessionRow = () => db().client.webSession.findUnique({ where: { id: sha256(old.cookie) } });

    // 23 hours on: the old session expired (8 h) and a sign-in deletes it; the links are kept, so
    // opening them again still says why they are refused; the upload's day is not over.
    clock.set('2024-07-02T01:00:00Z');
    expect(await sessionRow()).not.toBeNull();
    const fresh = await startSession(fx.deps, fx.viewers.chair.memberId);
    expect(await sessionRow()).toBeNull();
    expect(await refusal(verify(token(used)))).toBe('web.link_used');
    expect(await refusal(verify(token(unused)))).toBe('web.link_expired');
    expect(await fx.stores.webSessions.upload(upload.id)).not.toBeNull();

    // A day after the links expired: links and upload gone; the live session stays.
    clock.set('2024-07-02T02:11:00Z');
    const pruned = await pruneWebSignIns(fx.deps);
    expect(pruned.links).toBeGreaterThanOrEqual(2);
    expect(pruned.uploads).toBe(1);
    expect(pruned.sessions).toBe(0);
    expect(await refusal(verify(token(used)))).toBe('web.link_invalid');
    expect(await refusal(verify(token(unused)))).toBe('web.link_invalid');
    expect(await fx.stores.webSessions.upload(upload.id)).toBeNull();
    expect((await currentSession(fx.deps, fresh.cookie))?.viewer.memberId).toBe(fx.viewers.chair.memberId);
    for (const id of [used, unused].map((url) => sha256(token(url).split('.')[0]!)))
      expect(await db().client.webSignInLink.findUnique({ where: { id } })).toBeNull();
    clock.set('2024-06-20T02:00:00Z');
  });
});
