/**
 * Who may do what. Channels never decide this: every use case asks here, and every refusal carries
 * the message key that says why.
 */
import type { Role } from './roles.ts';

export interface Actor {
  role: Role;
  unitCode: string;
}

export interface TaskUnits {
  leadUnits: string[];
  coordinatingUnits: string[];
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOW: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** Chairs, vice-chairs and admins see and post for the whole group. */
export function seesWholeGroup(actor: Actor): boolean {
  return actor.role === 'chair' || actor.role === 'vice-chair' || actor.role === 'admin';
}

/** The web dashboard's unit page: one's own unit; the chair, vice-chairs and admins every unit. */
export function canSeeUnit(actor: Actor, unitCode: string): Decision {
  return seesWholeGroup(actor) || actor.unitCode === unitCode ? ALLOW : deny('web.not_your_unit');
}

/** A task's reports and history: a unit involved in it, or someone who sees the whole group. */
export function canSeeTask(actor: Actor, task: TaskUnits): Decision {
  return seesWholeGroup(actor) || canReportOn(actor, task).allowed ? ALLOW : deny('web.not_your_task');
}

/** A member reports only on tasks where their unit leads or coordinates; nobody reports for another unit. */
export function canReportOn(actor: Actor, task: TaskUnits): Decision {
  const involved = task.leadUnits.includes(actor.unitCode) || task.coordinatingUnits.includes(actor.unitCode);
  return involved ? ALLOW : deny('auth.not_your_task');
}

/** The unit a summary is limited to: null (whole group) for chairs, vice-chairs and admins. */
export function summaryScope(actor: Actor): string | null {
  return seesWholeGroup(actor) ? null : actor.unitCode;
}

/** Publishing a summary to the group channel, triggering reminders: the chair's call. */
export function canPostToGroup(actor: Actor): Decision {
  return seesWholeGroup(actor) ? ALLOW : deny('auth.chair_only');
}

/** Plans, units and members are managed by admins. */
export function canManage(actor: Actor): Decision {
  return actor.role === 'admin' ? ALLOW : deny('auth.admin_only');
}
