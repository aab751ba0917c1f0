/** Sign-in links and sessions of the web dashboard, by the hashes of their secrets (port: app/ports/web-sessions.ts). */
import { randomBytes } from 'node:crypto';
import type {
  LinkRefusal,
  PlanUpload,
  PruneCounts,
  PruneCutoffs,
  WebSessionRecord,
  WebSessionRepository,
} from '../app/ports/web-sessions.ts';
import type { Db } from './open-database.ts';

export class WebSessionStore implements WebSessionRepository {
  constructor(private readonly db: Db) {}

  async signingKey(): Promise<string> {
    const found = await this.db.webSigningKey.findUnique({ where: { id: 1 } });
    if (found) return found.secret;
    const secret = randomBytes(32).toString('base64url');
    // Two processes racing: the first insert wins, both read it back.
    await this.db.webSigningKey.create({ data: { id: 1, secret } }).catch(() => undefined);
    const row = await this.db.webSigningKey.findUniqueOrThrow({ where: { id: 1 } });
    return row.secret;
  }

  async saveLink(hash: string, memberId: number, expiresAt: Date): Promise<void> {
    await this.db.webSignInLink.create({ data: { id: hash, memberId, expiresAt } });
  }

  async useLink(
    hash: string,
    now: Date,
  ): Promise<{ ok: true; memberId: number } | { ok: false; reason: LinkRefusal }> {
    const link = await this.db.webSignInLink.findUnique({ where: { id: hash } });
    if (!link) return { ok: false, reason: 'unknown' };
    if (link.usedAt) return { ok: false, reason: 'used' };
    if (link.expiresAt <= now) return { ok: false, reason: 'expired' };
    const claimed = await this.db.webSignInLink.updateMany({
      where: { id: hash, usedAt: null },
      data: { usedAt: now },
    });
    return claimed.count === 1 ? { ok: true, memberId: link.memberId } : { ok: false, reason: 'used' };
  }

  async createSession(hash: string, memberId: number, csrf: string, expiresAt: Date): Promise<void> {
    await this.db.webSession.create({ data: { id: hash, memberId, csrf, expiresAt } });
  }

  async touchSession(hash: string, now: Date, extendTo: Date): Promise<WebSessionRecord | null> {
    const session = await this.db.webSession.findUnique({ where: { id: hash } });
    if (!session) return null;
    if (session.expiresAt <= now) {
      await this.db.webSession.deleteMany({ where: { id: hash } });
      return null;
    }
    // Slide at most once a minute: a page with many requests writes once.
    if (extendTo.getTime() - session.expiresAt.getTime() > 60_000)
      await this.db.webSession.updateMany({
        where: { id: hash },
        data: { expiresAt: extendTo, lastSeenAt: now },
      });
    const locale = session.locale === 'vi' || session.locale === 'en' ? session.locale : null;
    return { memberId: session.memberId, csrf: session.csrf, locale, expiresAt: extendTo };
  }

  async setLocale(hash: string, locale: 'vi' | 'en'): Promise<void> {
    await this.db.webSession.updateMany({ where: { id: hash }, data: { locale } });
  }

  async saveUpload(upload: PlanUpload): Promise<void> {
    await this.db.webPlanUpload.create({ data: { ...upload, bytes: Buffer.from(upload.bytes) } });
  }

  async upload(id: string): Promise<PlanUpload | null> {
    const row = await this.db.webPlanUpload.findUnique({ where: { id } });
    return row ? { ...row, bytes: new Uint8Array(row.bytes) } : null;
  }

  async deleteUpload(id: string): Promise<void> {
    await this.db.webPlanUpload.deleteMany({ where: { id } });
  }

  async endSessions(memberId: number): Promise<number> {
    const { count } = await this.db.webSession.deleteMany({ where: { memberId } });
    return count;
  }

  async prune(cutoffs: PruneCutoffs): Promise<PruneCounts> {
    const links = await this.db.webSignInLink.deleteMany({ where: { expiresAt: { lt: cutoffs.links } } });
    const sessions = await this.db.webSession.deleteMany({ where: { expiresAt: { lt: cutoffs.sessions } } });
    const uploads = await this.db.webPlanUpload.deleteMany({ where: { createdAt: { lt: cutoffs.uploads } } });
    return { links: links.count, sessions: sessions.count, uploads: uploads.count };
  }
}
