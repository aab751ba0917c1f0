/**
 * manifests/slack/manifest.yaml against the code: the command, events, request URLs and scopes it
 * declares are the ones the app handles and calls for; every action_id and callback_id the listeners
 * handle is emitted by a renderer, and every one a renderer emits is handled (ids from ids.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type {
  MyTasksView,
  ReminderView,
  ReportFormView,
  ReportSavedView,
  Viewer,
} from '../../../src/app/views.ts';
import { renderHome } from '../../../src/channels/slack/blocks/home.ts';
import { renderMessage } from '../../../src/channels/slack/blocks/message.ts';
import { reportModal } from '../../../src/channels/slack/blocks/report-modal.ts';
import { doneLinkModal, snoozeModal } from '../../../src/channels/slack/blocks/task-modals.ts';
import { replyPages } from '../../../src/channels/slack/flows/pages.ts';
import {
  ACTIONS,
  BLOCKS,
  BOT_SCOPES,
  CALLBACKS,
  COMMAND,
  EVENTS,
  EVENTS_PATH,
  INPUTS,
} from '../../../src/channels/slack/ids.ts';
import { LISTENERS } from '../../../src/channels/slack/listeners/index.ts';
import type { Period } from '../../../src/domain/period.ts';
import { periodFromKey } from '../../../src/domain/period.ts';
import { renderContext } from '../../../src/presentation/context.ts';
import { actionIds } from '../../support/slack/harness.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const manifest = parse(readFileSync(join(ROOT, 'manifests/slack/manifest.yaml'), 'utf8'));
const handled = (kind: string) =>
  LISTENERS.filter((l) => l.kind === kind)
    .map((l) => l.id)
    .sort();
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** Everything the renderers can put in front of a member: messages, pages, the App Home, the modals. */
function emitted(): { actions: string[]; callbacks: string[]; blocks: string[] } {
  const ctx = renderContext('vi', 'Asia/Ho_Chi_Minh');
  const period = { kind: 'month', key: '2024-06', startsOn: '2024-06-01', endsOn: '2024-06-30' } as Period;
  const viewer: Viewer = {
    memberId: 1,
    displayName: 'A',
    unitCode: 'CNTT',
    unitName: 'CNTT',
    role: 'member',
    locale: 'vi',
  };
  const task = { taskId: 1, code: '1', content: 'Nội dung' };
  const item = {
    ...task,
    planNumber: 'P',
    section: null,
    role: 'lead' as const,
    leadUnits: ['CNTT'],
    deadline: { text: 'Năm 2024', kind: 'year', due: '2024-12-31', daysLeft: 1, overdue: false },
    product: null,
    latest: null,
    reportedThisPeriod: false,
  } as MyTasksView['tasks'][number];
  const tasks: MyTasksView = {
    kind: 'my-tasks',
    viewer,
    period,
    today: '2024-06-20',
    tasks: Array.from({ length: 60 }, () => item),
  };
  const reminder: ReminderView = {
    kind: 'reminder',
    topic: 'overdue_nudge',
    period: null,
    meeting: null,
    tasks: [
      {
        ...task,
        leadUnits: ['CNTT'],
        deadline: { text: '', due: null },
        standing: 'not_reported',
        daysOverdue: 3,
      },
    ],
    units: [],
    actions: true,
  };
  const form: ReportFormView = {
    kind: 'report-form',
    viewer,
    period,
    // During the grace days: the month select is emitted too.
    periods: [period, periodFromKey('2024-07')],
    choices: [task],
    taskId: 1,
    current: null,
    errors: [],
  };
  const saved: ReportSavedView = {
    kind: 'report-saved',
    viewer,
    period,
    taskCode: '1',
    taskContent: 'x',
    status: 'done',
    percent: 100,
    revision: 1,
    late: false,
  };
  const meta = { task: 1, origin: 'message' as const };
  const modals = [
    reportModal(form, meta, ctx),
    doneLinkModal(saved, meta, ctx),
    snoozeModal(task, '2024-06-27', meta, ctx),
  ];
  const surfaces: unknown[] = [
    ...replyPages(renderMessage(tasks, ctx), ctx, 'tasks').map((p) => p.blocks),
    renderMessage(reminder, ctx).blocks,
    renderMessage(form, ctx).blocks,
    renderHome({ viewer, tasks, meeting: { kind: 'meeting', viewer, next: null }, summary: null }, ctx)
      .blocks,
    ...modals.map((m) => m.blocks),
  ];
  const blocks: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.block_id === 'string') blocks.push(record.block_id);
      Object.values(record).forEach(visit);
    }
  };
  visit(surfaces);
  return {
    actions: sorted(actionIds(surfaces)),
    callbacks: sorted(modals.map((m) => m.callback_id ?? '')),
    blocks: sorted(blocks),
  };
}

describe('Slack manifest and ids', () => {
  it('declares exactly the slash command the app handles', () => {
    const commands = (manifest.features.slash_commands as Array<{ command: string; url: string }>).map(
      (c) => c.command,
    );
    expect(commands).toEqual([COMMAND]);
    expect(handled('command')).toEqual([COMMAND]);
  });

  it('subscribes to exactly the events the app handles, with the App Home tab on', () => {
    expect(sorted(manifest.settings.event_subscriptions.bot_events)).toEqual(handled('event'));
    expect(handled('event')).toEqual(sorted(Object.values(EVENTS)));
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('sends commands, interactivity, options and events to the one path the bot serves', () => {
    const urls = [
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.settings.interactivity.message_menu_options_url,
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(EVENTS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(handled('options')).toEqual([ACTIONS.formTask]);
  });

  it('asks for the scopes the code’s Web API calls need, and no more', () => {
    const needs: Record<string, string | string[] | null> = {
      'chat.postMessage': 'chat:write',
      'chat.postEphemeral': 'chat:write',
      'chat.update': 'chat:write',
      'conversations.open': 'im:write',
      // The outbox reads back its own messages after a crash: DMs, and the group's channel
      // (public or private).
      'conversations.history': ['im:history', 'channels:history', 'groups:history'],
      'views.open': null,
      'views.update': null,
      'views.push': null,
      'views.publish': null,
      'users.info': 'users:read',
      'files.uploadV2': 'files:write',
      'files.info': 'files:read',
    };
    const called = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      );
    for (const file of walk(join(ROOT, 'src/channels/slack'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /\.(chat|conversations|views|users|files)\.(\w+)\(/g,
      )) {
        called.add(`${match[1]}.${match[2]}`);
      }
    }
    expect([...called].filter((method) => !(method in needs))).toEqual([]);
    const required = sorted(['commands', ...[...called].flatMap((m) => needs[m] ?? [])]);
    expect(sorted(manifest.oauth_config.scopes.bot)).toEqual(required);
    expect(sorted(BOT_SCOPES)).toEqual(required);
  });

  it('every action_id and callback_id handled is emitted, and every one emitted is handled', () => {
    const seen = emitted();
    const interactive = seen.actions.filter((id) => !(Object.values(INPUTS) as string[]).includes(id));
    expect(interactive).toEqual(sorted(Object.values(ACTIONS)));
    expect(handled('action')).toEqual(sorted(Object.values(ACTIONS)));
    expect(seen.actions.filter((id) => (Object.values(INPUTS) as string[]).includes(id))).toEqual(
      sorted(Object.values(INPUTS)),
    );
    expect(seen.callbacks).toEqual(sorted(Object.values(CALLBACKS)));
    expect(handled('view')).toEqual(sorted(Object.values(CALLBACKS)));
    for (const block of Object.values(BLOCKS)) expect(seen.blocks).toContain(block);
  });

  it('stays within what Slack accepts for the app’s texts', () => {
    const info = manifest.display_information;
    expect([...info.name].length).toBeLessThanOrEqual(35);
    expect([...info.description].length).toBeLessThanOrEqual(140);
    expect([...info.long_description].length).toBeGreaterThanOrEqual(175);
    expect([...info.long_description].length).toBeLessThanOrEqual(4000);
    expect(info.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect([...manifest.features.bot_user.display_name].length).toBeLessThanOrEqual(80);
    for (const command of manifest.features.slash_commands) {
      expect([...command.description].length).toBeLessThanOrEqual(2000);
      expect(command.should_escape).toBe(false);
    }
  });
});
