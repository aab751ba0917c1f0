/**
 * Buttons carry task ids; `core.reportForm` takes a task as typed. The code, or "plan#code" when
 * several plans share it, names the same task unambiguously.
 */
import type { Core } from '../../../app/core.ts';

export interface TaskRef {
  taskId: number;
  ref: string;
  code: string;
  content: string;
}

export async function taskRef(core: Core, taskId: number): Promise<TaskRef | null> {
  const tasks = await core.tasks();
  const task = tasks.find((t) => t.id === taskId);
  if (!task) return null;
  const unique = tasks.filter((t) => t.code === task.code).length === 1;
  return {
    taskId,
    ref: unique ? task.code : `${task.planNumber}#${task.code}`,
    code: task.code,
    content: task.content,
  };
}

/** A task id from a button or select value, or null. */
export function taskIdOf(value: string | undefined | null): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}
