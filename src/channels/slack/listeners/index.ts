/** Every listener of the app, one per file; the manifest test reads what they handle from here. */
import type { App } from '@slack/bolt';
import type { ListenerModule, SlackDeps } from '../deps.ts';
import { formTaskAction } from './actions/form-task.ts';
import { homePageAction } from './actions/home-page.ts';
import { markDoneAction } from './actions/mark-done.ts';
import { moreAction } from './actions/more.ts';
import { reportTaskAction } from './actions/report-task.ts';
import { snoozeAction } from './actions/snooze.ts';
import { da06Command } from './commands/da06.ts';
import { appHomeOpened } from './events/app-home-opened.ts';
import { taskOptions } from './options/task-options.ts';
import { ListenerRouter } from './router.ts';
import { doneLinkSubmit } from './views/done-link-submit.ts';
import { reportSubmit } from './views/report-submit.ts';
import { snoozeSubmit } from './views/snooze-submit.ts';

export const LISTENERS: readonly ListenerModule[] = [
  da06Command,
  reportTaskAction,
  formTaskAction,
  markDoneAction,
  snoozeAction,
  moreAction,
  homePageAction,
  reportSubmit,
  doneLinkSubmit,
  snoozeSubmit,
  appHomeOpened,
  taskOptions,
];

/** Every listener file registers with one router, which gives Bolt one listener per kind (see router.ts). */
export function registerListeners(app: App, deps: SlackDeps): void {
  const router = new ListenerRouter();
  for (const listener of LISTENERS) listener.register(router, deps);
  router.mount(app);
}
