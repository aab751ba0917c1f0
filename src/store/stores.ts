/**
 * `createStores`: every repository of the store port (src/app/ports/stores.ts), built once over one
 * database client for one group. The composition root (src/runtime/bot.ts, the CLI commands through
 * `openApp`) calls it; nothing else constructs a repository.
 */
import type { ChannelStores } from '../app/ports/channel-stores.ts';
import type { Stores } from '../app/ports/stores.ts';
import { AuditStore } from './audit.ts';
import { CalendarStore } from './calendar-store.ts';
import { ConversationStore } from './conversation-store.ts';
import { DirectoryScopeStore } from './directory-scope.ts';
import { EvidenceStore } from './evidence-store.ts';
import { MeetingStore } from './meeting-store.ts';
import { MemberStore } from './member-store.ts';
import type { Database } from './open-database.ts';
import { OutboxStore } from './outbox-store.ts';
import { PlanStore } from './plan-store.ts';
import { ReportStore } from './report-store.ts';
import { RequestStore } from './request-store.ts';
import { RosterStore } from './roster-store.ts';
import { UnitStore } from './unit-store.ts';
import { WebSessionStore } from './web-session-store.ts';

/** The concrete repositories: the port's interfaces, plus what only the CLI's admin commands use. */
export interface StoreSet extends Stores, ChannelStores {
  plans: PlanStore;
  reports: ReportStore;
  members: MemberStore;
  units: UnitStore;
  meetings: MeetingStore;
  roster: RosterStore;
  calendar: CalendarStore;
  evidence: EvidenceStore;
  /** The outbox's rows (the scheduler's Outbox, `da06 outbox`, the bot's metrics). */
  outbox: OutboxStore;
  conversations: ConversationStore;
  audit: AuditStore;
  requests: RequestStore;
  webSessions: WebSessionStore;
}

export function createStores(database: Database, groupId: number): StoreSet {
  const db = database.client;
  return {
    plans: new PlanStore(db),
    reports: new ReportStore(db),
    members: new MemberStore(db, groupId),
    units: new UnitStore(db),
    meetings: new MeetingStore(db, groupId),
    roster: new RosterStore(db, groupId),
    calendar: new CalendarStore(db, groupId),
    evidence: new EvidenceStore(db),
    outbox: new OutboxStore(database),
    conversations: new ConversationStore(db, groupId),
    audit: new AuditStore(db),
    requests: new RequestStore(db),
    webSessions: new WebSessionStore(db),
    directory: new DirectoryScopeStore(db),
  };
}
