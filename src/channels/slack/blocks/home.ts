/**
 * The App Home: the member's tasks with deadline and latest status, the next meeting, report buttons;
 * chairs, vice-chairs and admins also see the group's totals. Tasks are paged so the view stays under
 * Slack's 100 blocks.
 */
import type { HomeView } from '@slack/types';
import type { MeetingView, MyTasksView, NoticeView, SummaryView, Viewer } from '../../../app/views.ts';
import { roleLabel } from '../../../i18n/index.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { unitText } from '../../../presentation/sentences.ts';
import { ACTIONS } from '../ids.ts';
import { actions, button, context, divider, esc, header, type KnownBlock, section } from './kit.ts';
import { meetingLines } from './meeting.ts';
import { taskSection } from './my-tasks.ts';
import { renderNotice } from './notice.ts';
import { totalsLines } from './summary.ts';

/** Tasks per page of the App Home (the rest of the view takes under 20 blocks). */
export const HOME_TASKS_PER_PAGE = 40;

export interface HomeData {
  viewer: Viewer;
  tasks: MyTasksView;
  meeting: MeetingView;
  /** The group's summary, for chairs, vice-chairs and admins; null for members. */
  summary: SummaryView | null;
}

export function renderHome(data: HomeData, ctx: RenderContext, page = 1): HomeView {
  const { viewer, tasks } = data;
  const greeting = ctx.t('slack.home.greeting', {
    name: viewer.displayName,
    unit: unitText(viewer.unitCode, viewer.unitName),
    role: roleLabel(ctx.locale, viewer.role),
  });
  const blocks: KnownBlock[] = [
    header(ctx.t('slack.modal.app_title')),
    context(esc(greeting)),
    actions([button(ctx.t('slack.button.report'), ACTIONS.reportTask, '', 'primary')]),
  ];
  if (data.summary) blocks.push(divider(), ...groupBlocks(data.summary, ctx));
  blocks.push(divider(), ...meetingBlocks(data.meeting, ctx), divider());

  const title = ctx.t('tasks.title', {
    unit: unitText(viewer.unitCode, viewer.unitName),
    period: ctx.period(tasks.period),
  });
  blocks.push(section(`*${esc(ctx.t('slack.home.my_tasks'))}* — ${esc(title)}`));
  if (tasks.tasks.length === 0) {
    blocks.push(section(esc(ctx.t('tasks.none'))));
    return { type: 'home', blocks };
  }
  const missing = tasks.tasks.filter((task) => !task.reportedThisPeriod).length;
  blocks.push(
    context(
      esc(ctx.t('tasks.subtitle', { date: ctx.date(tasks.today), count: tasks.tasks.length, missing })),
    ),
  );
  const pages = Math.ceil(tasks.tasks.length / HOME_TASKS_PER_PAGE);
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const shown = tasks.tasks.slice((current - 1) * HOME_TASKS_PER_PAGE, current * HOME_TASKS_PER_PAGE);
  for (const task of shown) blocks.push(taskSection(task, tasks, ctx));
  if (pages > 1) {
    const paging = [];
    if (current > 1)
      paging.push(button(ctx.t('slack.button.previous'), ACTIONS.homePage, String(current - 1)));
    if (current < pages)
      paging.push(button(ctx.t('slack.button.more'), ACTIONS.homePage, String(current + 1)));
    blocks.push(context(esc(ctx.t('slack.more.page', { page: current, pages }))), actions(paging));
  }
  return { type: 'home', blocks };
}

function groupBlocks(summary: SummaryView, ctx: RenderContext): KnownBlock[] {
  const title = `*${esc(ctx.t('slack.home.group', { period: ctx.period(summary.period) }))}*`;
  const more = ctx.t('slack.home.group_more', {
    overdue: summary.overdue.length,
    blockers: summary.blockers.length,
    missing: summary.notReported.length,
  });
  return [
    section([title, ...totalsLines(summary, ctx)].join('\n')),
    context(esc(more)),
    context(esc(ctx.t('slack.home.group_hint'))),
  ];
}

function meetingBlocks(meeting: MeetingView, ctx: RenderContext): KnownBlock[] {
  const title = `*${esc(ctx.t('slack.home.meeting'))}*`;
  if (!meeting.next) return [section(`${title}\n${esc(ctx.t('meeting.none_scheduled'))}`)];
  return [section([title, ...meetingLines(meeting.next, ctx)].join('\n'))];
}

/** For someone not (or no longer) in the group: why, and how an admin adds them. */
export function unregisteredHome(notice: NoticeView, ctx: RenderContext): HomeView {
  return {
    type: 'home',
    blocks: [header(ctx.t('slack.home.unregistered_title')), ...renderNotice(notice, ctx).blocks],
  };
}
