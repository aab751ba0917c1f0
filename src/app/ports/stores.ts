/**
 * The store port: the repositories the use cases and the scheduler depend on, and the records they
 * hand back. `src/store` implements each interface with Prisma (its fast paths of ADR 6 and ADR 9
 * stay behind them); `createStores` there builds every repository once, and the composition root
 * hands the result to the core and the scheduler (docs/adr/0010-ports-and-sealed-store.md).
 */
import type { Deadline } from '../../domain/deadline.ts';
import type { Period } from '../../domain/period.ts';
import type { ParsedTask, UnresolvedUnit } from '../../domain/plan.ts';
import type { ReportInput, Status } from '../../domain/report.ts';
import type { Locale, Platform, Role } from '../../domain/roles.ts';
import type { SummaryReportInput, SummaryStanding } from '../../domain/summary.ts';
import type { UnitEntry, UnitKind } from '../../domain/unit-directory.ts';
import type { ChangeAction, DatedUnit, UnitChangeEntry, UnitHistory } from '../../domain/unit-history.ts';
import type { CalendarOverride, DayKind } from '../../domain/working-days.ts';
import type { WebSessionRepository } from './web-sessions.ts';

// ---------------------------------------------------------------------------------------------
// Records

/** The working group the bot serves. One process serves one group; the data model allows several. */
export interface GroupRecord {
  id: number;
  name: string;
  timeZone: string;
  locale: string;
}

/** One entry of the audit log, committed with the change it records. */
export interface AuditRecord {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  details?: unknown;
}

export interface PlanHeader {
  number: string;
  title: string;
  year: number;
  issuedOn: string | null;
}

export interface SavePlanResult {
  planId: number;
  created: number;
  updated: number;
  /** Tasks the file no longer lists: closed (never deleted, their reports and history stay). */
  closed: string[];
}

export interface TaskRow {
  id: number;
  planNumber: string;
  code: string;
  section: string | null;
  content: string;
  leadUnits: string[];
  coordinatingUnits: string[];
  deadline: Deadline;
  product: string | null;
  /** Unit names imported with --allow-unresolved and not linked to a unit yet. */
  unresolved: UnresolvedUnit[];
}

export interface SubmitReport {
  taskId: number;
  period: Period;
  unitId: number;
  memberId: number;
  input: ReportInput;
  late: boolean;
  /**
   * The request that carries this submission (a Slack view, a Teams card): recorded in the same
   * transaction, so a replay of it stores nothing and gets the first delivery's revision back.
   */
  requestKey?: string;
  /**
   * When the member sent it by the core's clock: the revision's time, from which the four deadline
   * buckets date a `done` (the current report's own timestamps stay the database's). Now when absent.
   */
  submittedAt?: Date;
}

/** An audit entry to commit with a submission, given its revision number. */
export type Receipt = (revision: number) => AuditRecord;

export interface StoredReport extends SummaryReportInput {
  revision: number;
}

export interface MemberRecord {
  id: number;
  displayName: string;
  role: Role;
  unitCode: string;
  unitName: string;
  email: string | null;
  locale: Locale;
  active: boolean;
  identities: Partial<Record<Platform, string>>;
}

export interface NewMember {
  displayName: string;
  unitCode: string;
  role: Role;
  email?: string | null;
  locale?: Locale;
  identities?: Partial<Record<Platform, string>>;
}

export type MeetingStatus = 'planned' | 'cancelled' | 'held';

export interface MeetingRecord {
  id: number;
  /** The month it belongs to, "2024-06". */
  occurrence: string;
  startsAt: Date;
  place: string | null;
  agenda: string | null;
  status: MeetingStatus;
  note: string | null;
  /** Moved or cancelled by the chair: the rule no longer decides it. */
  chairSet: boolean;
  /** The iCalendar SEQUENCE of its invitation: 0 when written, +1 at each move, re-plan or cancel. */
  sequence: number;
}

export interface MeetingFields {
  occurrence: string;
  startsAt: Date;
  place: string | null;
  agenda: string | null;
  note: string | null;
}

/** A member as the scheduler sees them: unit, role, leave and platform accounts. */
export interface RosterMember {
  id: number;
  displayName: string;
  role: Role;
  unitCode: string;
  unitName: string;
  locale: Locale;
  active: boolean;
  leaveFrom: string | null;
  leaveUntil: string | null;
  /** Platform → external id (Slack user id, Teams AAD id, terminal login). */
  identities: Partial<Record<Platform, string>>;
}

export interface SnoozeRecord {
  taskId: number;
  unitCode: string;
  until: string;
  reason: string | null;
}

/** "Nhắc lại sau": no nudges about one task for one unit until a day. */
export interface NewSnooze {
  taskId: number;
  /** The task's code, written in the audit entry. */
  taskCode: string;
  unitId: number;
  memberId: number;
  until: string;
  /** As the member typed it; stored trimmed (null when empty), audited as typed. */
  reason?: string | null;
  /** The request that asked for it (ADR 25): a replay writes nothing. */
  requestKey?: string;
}

/** A unit's code and name, as reports and summaries print them. */
export interface UnitName {
  code: string;
  name: string;
}

// ---------------------------------------------------------------------------------------------
// Repositories

export interface PlanRepository {
  /** Writes the plan and all its tasks in one transaction: a failure leaves the database as it was. */
  save(groupId: number, header: PlanHeader, tasks: ParsedTask[], actor: string): Promise<SavePlanResult>;
  /** Tasks of a plan (or of every plan of the group), in plan order, with their unit codes (sorted). */
  listTasks(groupId: number, planNumber?: string): Promise<TaskRow[]>;
  /** One task of the group with its unit codes, or null. */
  taskById(groupId: number, taskId: number): Promise<TaskRow | null>;
  /** The year of the group's earliest plan, or null when no plan was imported. */
  firstYear(groupId: number): Promise<number | null>;
  /** The group's plans of `year` and earlier, oldest first (by year, then number). */
  plansUpTo(groupId: number, year: number): Promise<Array<PlanHeader & { id: number }>>;
  /** The lead-unit wording of each task as the plan printed it, by task id. */
  leadTexts(taskIds: number[]): Promise<Map<number, string>>;
  /** Stores the yearly part of deadlines imported before it was kept; how many rows changed. */
  backfillYearlyDeadlines(): Promise<number>;
}

/** One current monthly report reduced to what the heat map and trend count. */
export interface MonthlyStatus {
  taskId: number;
  unitCode: string;
  periodKey: string;
  status: Status;
  percent: number;
  updatedAt: string;
}

/**
 * One (task, unit) pair's current monthly reports over a run of at most 30 months, as bits: bit `i`
 * is the run's `i`-th month (the first month is bit 0). `reported`: the unit reported that month;
 * `done`: its report said `done`.
 */
export interface MonthMarks {
  taskId: number;
  unitCode: string;
  reported: number;
  done: number;
}

/** The longest run `monthMarks` answers (its bits must fit a 32-bit integer on both databases). */
export const MONTH_MARKS_MAX = 30;

export interface ReportRepository {
  /** Stores a submission as the current report and as a revision; `receipt` commits with it (ADR 9). */
  submit(
    report: SubmitReport,
    actor: string,
    receipt?: Receipt,
  ): Promise<{ revision: number; replayed: boolean }>;
  /** How many current reports the database holds (none on a fresh one). */
  count(): Promise<number>;
  /** Current reports of a period, optionally for some tasks only. */
  forPeriod(periodKey: string, taskIds?: number[]): Promise<StoredReport[]>;
  /**
   * A period's current reports as the summary reads them: standing, lateness, kiến nghị and who
   * wrote it; `forPeriod` without the texts a summary does not show. In `id` order.
   */
  standings(periodKey: string): Promise<SummaryStanding[]>;
  /**
   * The status of every current monthly report from month `fromKey` to `toKey` (inclusive): the
   * dashboard's heat map and trend over a year in one read (no texts, no member names).
   */
  monthlyStatuses(fromKey: string, toKey: string): Promise<MonthlyStatus[]>;
  /**
   * Every (task, unit) pair with a current monthly report from month `fromKey` to `toKey` (at most
   * MONTH_MARKS_MAX months), its months as bits: the heat map and trend's read, one row per pair.
   */
  monthMarks(fromKey: string, toKey: string): Promise<MonthMarks[]>;
  /** Units that reported a task done in a month that ended before `beforeDay`, with the first such month. */
  doneBefore(
    beforeDay: string,
    taskIds?: number[],
  ): Promise<{ taskId: number; unitCode: string; periodKey: string }[]>;
  /** A unit's most recent report on each of the given tasks, across periods up to `upToDay`. */
  latestOfUnit(unitCode: string, taskIds: number[], upToDay: string): Promise<Map<number, StoredReport>>;
  /**
   * Every current monthly report whose status is `done`, with when `done` was first submitted on it
   * (its earliest revision saying so) and the period's last day: the four deadline buckets' input.
   */
  doneReports(taskIds?: number[]): Promise<DoneReportRow[]>;
  /** Every report on a task (one unit's, or all units' when null) with every revision, newest period first (the web dashboard). */
  taskHistory(taskId: number, unitCode: string | null): Promise<ReportHistory[]>;
}

export interface DoneReportRow {
  taskId: number;
  unitCode: string;
  periodKey: string;
  periodEndsOn: string;
  firstDoneAt: Date;
}

/** One unit's report on a task for one period, and each revision of it, oldest first. */
export interface ReportHistory {
  periodKey: string;
  unitCode: string;
  unitName: string;
  late: boolean;
  revisions: {
    revision: number;
    memberName: string;
    at: string; // ISO date-time
    status: Status;
    percent: number;
    done: string;
    blockers: string | null;
    evidenceUrl: string | null;
  }[];
}

export interface MemberRepository {
  add(member: NewMember, actor: string): Promise<MemberRecord>;
  list(options?: { includeInactive?: boolean }): Promise<MemberRecord[]>;
  byId(id: number): Promise<MemberRecord | null>;
  /** The active member behind a platform account, or null when nobody has linked it. */
  byIdentity(platform: Platform, externalId: string): Promise<MemberRecord | null>;
  /** Members whose name matches, ignoring case. */
  findByName(name: string, options?: { includeInactive?: boolean }): Promise<MemberRecord[]>;
  /** Whether the account belongs to a member of the group who has been deactivated. */
  inactiveIdentity(platform: Platform, externalId: string): Promise<boolean>;
  link(memberId: number, platform: Platform, externalId: string, actor: string): Promise<void>;
  setRole(memberId: number, role: Role, actor: string): Promise<void>;
  deactivate(memberId: number, actor: string): Promise<void>;
  /** Active again, with the identities and history the member had. */
  reactivate(memberId: number, actor: string): Promise<void>;
}

export interface UnitRepository {
  /** The database id of a unit by its code. */
  idOf(code: string): Promise<number>;
  /** Every active unit with its aliases, ordered by code. */
  list(): Promise<UnitEntry[]>;
  /** Code and name of every unit; `ranked` leaves out the working group itself (a scoreboard ranks units). */
  names(options?: { ranked?: boolean }): Promise<UnitName[]>;
  /** The units that exist on `day` (YYYY-MM-DD), with their dates and aliases. */
  listOn(day: string): Promise<DatedUnit[]>;
  /** Every unit of every period and the changes between them (issue 15); `aliases: false` is lighter. */
  history(options?: { aliases?: boolean }): Promise<UnitHistory>;
  /** Whether the changes of the reorganisation have been loaded (none on a fresh database). */
  hasHistory(): Promise<boolean>;
  /** Whether the directory holds a unit of every one of these codes. */
  hasCodes(codes: string[]): Promise<boolean>;
  /** Loads later periods' units and the changes linking them, checked whole first. */
  syncHistory(
    units: DatedUnit[],
    changes: UnitChangeEntry[],
    actor: string,
  ): Promise<{ units: number; changes: number }>;
  /** A rename, merge, split or close on a date with its decision, audited; refused whole when wrong. */
  applyChange(request: UnitChangeRequest, actor: string): Promise<void>;
  sync(entries: UnitEntry[], actor: string): Promise<{ created: number; updated: number }>;
  add(entry: Omit<UnitEntry, 'aliases'>, actor: string): Promise<void>;
  addAlias(alias: string, code: string, actor: string): Promise<void>;
}

/** A change asked for by an admin: `from` units end on `on`, `to` units carry them from then. */
export interface UnitChangeRequest {
  on: string;
  action: ChangeAction;
  from: string[];
  /** Successors: existing codes, or new units when `name` is given (created from `on`). */
  to: { code: string; name?: string; kind?: UnitKind }[];
  decision: string;
}

export interface MeetingRepository {
  /** The rule the chair set (JSON), or null when the config rule applies. */
  readRule(): Promise<string | null>;
  saveRule(json: string | null, actor: string): Promise<void>;
  byOccurrences(months: string[]): Promise<Map<string, MeetingRecord>>;
  byOccurrence(month: string): Promise<MeetingRecord | null>;
  /** The first planned meeting starting at `from` or later, or null. */
  nextPlanned(from: Date): Promise<Pick<MeetingRecord, 'startsAt' | 'place' | 'agenda' | 'note'> | null>;
  insertMissing(meetings: MeetingFields[]): Promise<number>;
  updatePlanned(id: number, fields: Omit<MeetingFields, 'occurrence'>): Promise<void>;
  move(
    id: number,
    fields: { startsAt: Date; note: string | null; place?: string | null; agenda?: string | null },
    actor: string,
  ): Promise<void>;
  cancel(id: number, note: string | null, actor: string): Promise<void>;
}

export interface RosterRepository {
  members(options?: { includeInactive?: boolean; id?: number; ids?: number[] }): Promise<RosterMember[]>;
  member(id: number): Promise<RosterMember | null>;
  membersById(ids: number[]): Promise<Map<number, RosterMember>>;
  /** Sets (or clears, with nulls) a member's leave, inclusive days YYYY-MM-DD. */
  setLeave(memberId: number, from: string | null, until: string | null, actor: string): Promise<void>;
  /** Snoozes still running on `today`, the latest per task and unit. */
  activeSnoozes(today: string): Promise<Map<string, SnoozeRecord>>;
  /** Records a snooze and its audit entry in one transaction. */
  snooze(snooze: NewSnooze): Promise<void>;
}

/** An evidence file as recorded: which report revision, who sent it, when, and its SHA-256. */
export interface EvidenceRecord {
  id: number;
  taskId: number;
  /** The unit whose report it belongs to. */
  unitCode: string;
  periodKey: string;
  revision: number;
  memberId: number;
  memberName: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

export interface NewEvidence {
  revisionId: number;
  taskId: number;
  memberId: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

export interface EvidenceRepository {
  /**
   * The id and number of the latest revision of a unit's report on a task in a period (any period
   * when null: the one written last), or null.
   */
  latestRevision(
    taskId: number,
    unitCode: string,
    periodKey: string | null,
  ): Promise<{ id: number; revision: number } | null>;
  /** Records a file (already in the evidence store) with its audit entry. */
  add(evidence: NewEvidence, actor: string): Promise<EvidenceRecord>;
  /** The files of these tasks (every unit, every period), oldest first. */
  forTasks(taskIds: number[]): Promise<EvidenceRecord[]>;
}

export interface CalendarRepository {
  list(): Promise<CalendarOverride[]>;
  set(day: string, kind: DayKind, note: string | null, actor: string): Promise<void>;
  remove(day: string, actor: string): Promise<boolean>;
}

/**
 * Requests already handled (ADR 25): a replay of a request (a retry, after a restart, on another
 * replica) is recognised by its key and writes nothing.
 */
export interface RequestRepository {
  /** Records `key` as handled; false when it was already (this delivery is a replay). */
  claim(key: string, actor: string): Promise<boolean>;
  /** Forgets `key`: its work failed before writing anything, so a retry may run it. */
  release(key: string): Promise<void>;
  /** Whether `key` has been handled. */
  handled(key: string): Promise<boolean>;
}

/** Every repository the core and the scheduler use, built once by `createStores` (src/store). */
/**
 * A submission's optimistic scope (ADR 24, addendum 3): inside `optimistic`, the member and task
 * reads may be answered from a cache (on PostgreSQL; SQLite's cache is exact anyway, ADR 6), and
 * whatever `work` produced from them is checked against the database before it is returned — the
 * report's write carries the check, else it is made when `work` ends. When the check fails, `work`
 * runs a second time on fresh reads, so it must write nothing but through the report's write (and
 * what follows it). Outside the scope nothing is answered from that cache.
 */
export interface DirectoryScope {
  optimistic<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Thrown inside a `DirectoryScope` by the report's write when the directory changed since the cached
 * member or task were read: nothing was written or claimed, and the scope runs `work` again. Code that
 * turns errors into answers inside the scope passes it on (it is not a failure).
 */
export class StaleDirectoryError extends Error {
  constructor() {
    super('the member and task directory changed since it was cached: the submission runs again');
    this.name = 'StaleDirectoryError';
  }
}

export interface Stores {
  plans: PlanRepository;
  reports: ReportRepository;
  members: MemberRepository;
  units: UnitRepository;
  meetings: MeetingRepository;
  roster: RosterRepository;
  calendar: CalendarRepository;
  evidence: EvidenceRepository;
  requests: RequestRepository;
  /** The web dashboard's sign-in links and sessions (issue 18). */
  webSessions: WebSessionRepository;
  /** Where a channel's submission runs on cached members and tasks, checked before it answers. */
  directory: DirectoryScope;
}
