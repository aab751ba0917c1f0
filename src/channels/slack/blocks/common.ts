/** Pieces several renderers share: tone marks, unit names, the three task buttons. */
import type { NoticeView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { ACTIONS, taskActionsBlockId } from '../ids.ts';
import { actions, button, clip, esc, oneLine } from './kit.ts';

export const TONE_MARKS: Record<NoticeView['tone'], string> = {
  info: ':information_source:',
  success: ':white_check_mark:',
  warning: ':warning:',
  error: ':x:',
};

/** Task content in lists is cut; the full text is in the plan and in the report modal. */
export const CONTENT_MAX = 300;

/** "*[5]* Số hóa hồ sơ…": a task as the first line of a list item, escaped. */
export function taskLine(code: string, content: string, max = CONTENT_MAX): string {
  return `*[${esc(code)}]* ${esc(clip(oneLine(content), max))}`;
}

/**
 * "Cập nhật tiến độ", "Đã hoàn thành", "Nhắc lại sau" for one task: on every reminder and overdue
 * alert. The value is the task id; the block id carries it too, so each task's row is unique.
 */
export function taskButtons(taskId: number, code: string, ctx: RenderContext) {
  const value = String(taskId);
  const done = button(ctx.t('slack.button.done'), ACTIONS.markDone, value);
  done.confirm = {
    title: { type: 'plain_text', text: clip(ctx.t('slack.confirm.done.title'), 100) },
    text: { type: 'plain_text', text: clip(ctx.t('slack.confirm.done.text', { code }), 300) },
    confirm: { type: 'plain_text', text: clip(ctx.t('slack.confirm.yes'), 30) },
    deny: { type: 'plain_text', text: clip(ctx.t('slack.confirm.no'), 30) },
  };
  return actions(
    [
      button(ctx.t('slack.button.update'), ACTIONS.reportTask, value, 'primary'),
      done,
      button(ctx.t('slack.button.snooze'), ACTIONS.snooze, value),
    ],
    taskActionsBlockId(taskId),
  );
}
