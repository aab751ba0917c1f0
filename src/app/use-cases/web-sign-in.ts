/**
 * Sign-in to the web dashboard from chat (issue 18; docs/adr/0021-web-dashboard.md). `/da06 web`
 * and `da06 web link` issue a personal link: a random secret and its HMAC under the database's
 * signing key, valid `linkMinutes`, usable once, bound to the member. Opening it starts a session
 * whose cookie is another random secret; the store keeps only SHA-256 hashes of both.
 *
 * This is the one way in for now. A later identity provider (OpenID Connect: Sign in with Slack,
 * Microsoft Entra ID) implements `SignInMethod` too and ends in the same `startSession`.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { CoreDeps, WebConfig } from '../core-deps.ts';

export type { WebConfig };

import type { MemberRecord } from '../ports/stores.ts';
import { PREVIEW_HOURS, type PruneCounts } from '../ports/web-sessions.ts';
import type { NoticeView, Viewer } from '../views.ts';
import { toViewer } from './identify.ts';

/** How long a used or expired link is kept, so opening it again says "used" or "expired", not "invalid". */
export const LINK_KEPT_HOURS = 24;

/** The seam for other ways to sign in (OpenID Connect later): each proves a member, then `startSession`. */
export interface SignInMethod {
  readonly name: string;
  /** The member the proof belongs to; throws an `AppError` when it is refused. */
  verify(proof: string): Promise<number>;
}

export const SIGN_IN_PATH = '/web/signin';

const hash = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const random = (): string => randomBytes(32).toString('base64url');
const sign = (key: string, value: string): string =>
  createHmac('sha256', key).update(value).digest('base64url');

function config(deps: CoreDeps): WebConfig {
  if (!deps.web) throw new AppError('web.not_configured', {});
  return deps.web;
}

/** A fresh one-time link for an active member. */
export async function issueSignInUrl(deps: CoreDeps, member: MemberRecord): Promise<string> {
  const web = config(deps);
  if (!member.active) throw new AppError('web.member_inactive', { member: member.displayName });
  const secret = random();
  const key = await deps.webSessions.signingKey();
  const expiresAt = new Date(web.clock.now().getTime() + web.linkMinutes * 60_000);
  await deps.webSessions.saveLink(hash(secret), member.id, expiresAt);
  return `${web.publicUrl}${SIGN_IN_PATH}?t=${secret}.${sign(key, secret)}`;
}

/** `/da06 web`: the viewer's personal link, as a notice every channel shows (only to that person). */
export async function webLinkCommand(deps: CoreDeps, viewer: Viewer): Promise<NoticeView> {
  if (!deps.web) return { kind: 'notice', tone: 'warning', key: 'error.web.not_configured' };
  const member = await deps.members.byId(viewer.memberId);
  if (!member?.active) return { kind: 'notice', tone: 'warning', key: 'auth.inactive' };
  const url = await issueSignInUrl(deps, member);
  return { kind: 'notice', tone: 'info', key: 'web.link', params: { url, minutes: deps.web.linkMinutes } };
}

/** The link method: checks the signature first (a forged link never reaches the database), then uses it once. */
export function linkSignIn(deps: CoreDeps): SignInMethod {
  return {
    name: 'link',
    verify: async (token) => {
      const [secret, signature] = token.split('.');
      if (!secret || !signature) throw new AppError('web.link_invalid', {});
      const expected = Buffer.from(sign(await deps.webSessions.signingKey(), secret));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given))
        throw new AppError('web.link_invalid', {});
      const used = await deps.webSessions.useLink(hash(secret), config(deps).clock.now());
      if (!used.ok) throw new AppError(`web.link_${used.reason === 'unknown' ? 'invalid' : used.reason}`, {});
      return used.memberId;
    },
  };
}

export interface StartedSession {
  /** The cookie's value (only the browser holds it; the store has its hash). */
  cookie: string;
  viewer: Viewer;
}

/** A new session for a member a sign-in method proved; refused when the member has been deactivated. */
export async function startSession(deps: CoreDeps, memberId: number): Promise<StartedSession> {
  const web = config(deps);
  const member = await deps.members.byId(memberId);
  if (!member?.active) throw new AppError('web.member_inactive', { member: member?.displayName ?? '—' });
  const cookie = random();
  const expiresAt = new Date(web.clock.now().getTime() + web.sessionHours * 3_600_000);
  await deps.webSessions.createSession(hash(cookie), member.id, random(), expiresAt);
  await pruneWebSignIns(deps);
  return { cookie, viewer: toViewer(member) };
}

/**
 * Housekeeping at each sign-in (ADR 21): deletes links a day after they expired (used or not),
 * expired sessions, and plan uploads past their preview day. At sign-in rather than in the
 * scheduler, so a web-only replica (SCHEDULER_ENABLED=false) keeps its tables small too.
 */
export function pruneWebSignIns(deps: CoreDeps): Promise<PruneCounts> {
  const now = config(deps).clock.now().getTime();
  return deps.webSessions.prune({
    links: new Date(now - LINK_KEPT_HOURS * 3_600_000),
    sessions: new Date(now),
    uploads: new Date(now - PREVIEW_HOURS * 3_600_000),
  });
}

export interface LiveSession {
  viewer: Viewer;
  csrf: string;
  expiresAt: Date;
}

/** The member behind a cookie, the session slid forward; null when none, expired or the member is gone. */
export async function currentSession(deps: CoreDeps, cookie: string): Promise<LiveSession | null> {
  const web = config(deps);
  const now = web.clock.now();
  const session = await deps.webSessions.touchSession(
    hash(cookie),
    now,
    new Date(now.getTime() + web.sessionHours * 3_600_000),
  );
  if (!session) return null;
  const member = await deps.members.byId(session.memberId);
  if (!member?.active) {
    await deps.webSessions.endSessions(session.memberId);
    return null;
  }
  const viewer = toViewer(member);
  return {
    viewer: { ...viewer, locale: session.locale ?? viewer.locale },
    csrf: session.csrf,
    expiresAt: session.expiresAt,
  };
}

export function chooseLocale(deps: CoreDeps, cookie: string, locale: 'vi' | 'en'): Promise<void> {
  return deps.webSessions.setLocale(hash(cookie), locale);
}

/** Sign-out: ends every session of the member, in every browser. */
export function signOut(deps: CoreDeps, memberId: number): Promise<number> {
  return deps.webSessions.endSessions(memberId);
}
