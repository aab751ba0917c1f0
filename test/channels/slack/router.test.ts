/**
 * The listener router on the real Bolt App (requests handed to `app.processEvent`, no HTTP): a payload
 * reaches the handler of its id and no other, an unknown id reaches none, a view_closed reaches no
 * view handler, an id is registered once, and Bolt holds one global middleware and no listener.
 */
import { App, type BlockAction, type ButtonAction, type Logger, LogLevel, type Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { SlackDeps } from '../../../src/channels/slack/deps.ts';
import { registerListeners } from '../../../src/channels/slack/listeners/index.ts';
import { ListenerRouter } from '../../../src/channels/slack/listeners/router.ts';

const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** Requests come only from the test's processEvent calls. */
const idle: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };

function boltApp(): App {
  return new App({ receiver: idle, authorize: async () => ({ botToken: 'xoxb-test' }), logger: quiet });
}

function listenerCount(app: App): number {
  return (app as unknown as { listeners: unknown[] }).listeners.length;
}

/** Global middleware beyond those a fresh Bolt app has (its ignoreSelf). */
function addedMiddleware(app: App): number {
  const count = (a: App) => (a as unknown as { middleware: unknown[] }).middleware.length;
  return count(app) - count(boltApp());
}

const user = { id: 'U1', username: 'u', name: 'u', team_id: 'T1' };
const team = { id: 'T1', domain: 't' };

const bodies = {
  action: (actionId: string) => ({
    type: 'block_actions',
    user,
    team,
    api_app_id: 'A1',
    token: 't',
    trigger_id: 'tr',
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', action_ts: '1', value: 'v' }],
  }),
  view: (callbackId: string, type: 'view_submission' | 'view_closed' = 'view_submission') => ({
    type,
    user,
    team,
    api_app_id: 'A1',
    token: 't',
    view: { id: 'V1', type: 'modal', callback_id: callbackId, private_metadata: '', state: { values: {} } },
  }),
  options: (actionId: string) => ({
    type: 'block_suggestion',
    user,
    team,
    api_app_id: 'A1',
    token: 't',
    action_id: actionId,
    block_id: 'b',
    value: 'q',
  }),
  command: (command: string) => ({
    command,
    text: 'help',
    user_id: 'U1',
    team_id: 'T1',
    channel_id: 'D1',
    response_url: 'https://example.test/r',
    trigger_id: 'tr',
    token: 't',
  }),
  event: (type: string) => ({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: 'Ev1',
    event_time: 1,
    event: { type, user: 'U1', tab: 'home', event_ts: '1' },
  }),
};

/** A router whose handlers record what reached them, mounted on a fresh Bolt app. */
function routed() {
  const reached: string[] = [];
  const router = new ListenerRouter();
  for (const id of ['a', 'b.c', 'd']) {
    router.action<BlockAction<ButtonAction>>(id, async ({ ack, action }) => {
      await ack();
      reached.push(`action ${id} ${action.action_id}`);
    });
    router.view(id, async ({ ack, view }) => {
      await ack();
      reached.push(`view ${id} ${view.callback_id}`);
    });
    router.options(id, async ({ ack, body }) => {
      await ack({ options: [] });
      reached.push(`options ${id} ${body.action_id}`);
    });
  }
  router.command('/x', async ({ ack, command }) => {
    await ack();
    reached.push(`command ${command.command}`);
  });
  router.event('app_home_opened', async ({ event }) => {
    reached.push(`event ${event.type}`);
  });
  const app = boltApp();
  router.mount(app);
  const send = async (body: object) => {
    reached.length = 0;
    let acks = 0;
    await app.processEvent({
      body: body as Record<string, unknown>,
      ack: async () => {
        acks += 1;
      },
    });
    return { reached: [...reached], acks };
  };
  return { app, send };
}

describe('ListenerRouter', () => {
  it('gives Bolt one global middleware and no listener', () => {
    const { app } = routed();
    expect([listenerCount(app), addedMiddleware(app)]).toEqual([0, 1]);
  });

  it('hands an action, a view submission, an options request to the handler of its id only', async () => {
    const { send } = routed();
    expect((await send(bodies.action('b.c'))).reached).toEqual(['action b.c b.c']);
    expect((await send(bodies.view('d'))).reached).toEqual(['view d d']);
    expect((await send(bodies.options('a'))).reached).toEqual(['options a a']);
    expect((await send(bodies.command('/x'))).reached).toEqual(['command /x']);
    expect((await send(bodies.event('app_home_opened'))).reached).toEqual(['event app_home_opened']);
  });

  it('lets an unknown id reach no handler, ids matched whole and literally', async () => {
    const { send } = routed();
    for (const id of ['e', 'bxc', 'ab', 'a\n', '']) {
      expect((await send(bodies.action(id))).reached).toEqual([]);
      expect((await send(bodies.view(id))).reached).toEqual([]);
      expect((await send(bodies.options(id))).reached).toEqual([]);
    }
    expect((await send(bodies.command('/y'))).reached).toEqual([]);
    expect((await send(bodies.event('app_mention'))).reached).toEqual([]);
  });

  it('hands a view_closed to no view handler, as app.view(callbackId) did', async () => {
    const { send } = routed();
    expect((await send(bodies.view('a', 'view_closed'))).reached).toEqual([]);
  });

  it('refuses a second handler for the same id of a kind', () => {
    const router = new ListenerRouter();
    const handler = async () => {};
    router.action('a', handler);
    router.options('a', handler);
    expect(() => router.action('a', handler)).toThrow(/two action listeners for "a"/);
    router.view('v', handler);
    expect(() => router.view('v', handler)).toThrow(/two view listeners/);
    router.command('/x', handler);
    expect(() => router.command('/x', handler)).toThrow(/two command listeners/);
  });

  it('mounts the app’s listener files as one Bolt global middleware', () => {
    const app = boltApp();
    registerListeners(app, {} as SlackDeps);
    expect([listenerCount(app), addedMiddleware(app)]).toEqual([0, 1]);
  });
});
