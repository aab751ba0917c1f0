/** Every dashboard page by its path (GET) and every form action (POST, CSRF-checked by routes.ts). */
import type { Outcome, PageContext } from '../context.ts';
import type { UploadedFile } from '../multipart.ts';
import { membersAction, membersPage } from './admin.ts';
import { exportDownload, exportsPage, meetingsPage, overduePage, scoreboardPage } from './lists.ts';
import { overviewPage } from './overview.ts';
import { planImportPage, planReviewAction, planUploadAction } from './plan-import.ts';
import { taskPageOf, unitPageOf } from './unit-task.ts';

type Page = (ctx: PageContext) => Promise<Outcome>;
type Action = (
  ctx: PageContext,
  form: URLSearchParams,
  cookie: string,
  files: UploadedFile[],
) => Promise<Outcome>;

export const PAGES: Record<string, Page> = {
  '/web/': overviewPage,
  '/web/unit': unitPageOf,
  '/web/task': taskPageOf,
  '/web/overdue': overduePage,
  '/web/scoreboard': scoreboardPage,
  '/web/exports': exportsPage,
  '/web/export': exportDownload,
  '/web/meetings': meetingsPage,
  '/web/admin/members': (ctx) => membersPage(ctx),
  '/web/admin/plan-import': planImportPage,
};

export const POSTS: Record<string, Action> = {
  '/web/admin/members': membersAction,
  '/web/admin/plan-import': planUploadAction,
  '/web/admin/plan-import/review': planReviewAction,
};
