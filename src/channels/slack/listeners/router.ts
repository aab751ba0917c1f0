/**
 * One Bolt listener per kind (command, action, view, event, options), dispatching by id through a Map.
 * Bolt runs every registered listener's middleware chain for every request (a copy of the chain, two
 * spreads of all args per middleware, a promise each, then Promise.allSettled over all of them): with
 * one listener per id, a modal submission spent 3× a one-listener app's time in Bolt's invokeMiddleware.
 * The listener files register here as they did on the App, with the same typed args; Bolt still
 * matches the ids itself (the exact id, or an anchored pattern of all of them), so an unknown id
 * reaches no handler, as before.
 */
import type {
  App,
  Middleware,
  OptionsSource,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';

type Handlers<Args> = Map<string, Middleware<Args>>;

export class ListenerRouter {
  private readonly commands: Handlers<SlackCommandMiddlewareArgs> = new Map();
  private readonly actions: Handlers<SlackActionMiddlewareArgs> = new Map();
  private readonly views: Handlers<SlackViewMiddlewareArgs> = new Map();
  private readonly events: Handlers<SlackEventMiddlewareArgs> = new Map();
  private readonly suggestions: Handlers<SlackOptionsMiddlewareArgs> = new Map();

  command(name: string, handler: Middleware<SlackCommandMiddlewareArgs>): void {
    add(this.commands, 'command', name, handler);
  }

  action<Action extends SlackAction = SlackAction>(
    actionId: string,
    handler: Middleware<SlackActionMiddlewareArgs<Action>>,
  ): void {
    add(this.actions, 'action', actionId, handler as Middleware<SlackActionMiddlewareArgs>);
  }

  /** Like `app.view(callbackId)`: view_submission only, never view_closed. */
  view<ViewAction extends SlackViewAction = SlackViewAction>(
    callbackId: string,
    handler: Middleware<SlackViewMiddlewareArgs<ViewAction>>,
  ): void {
    add(this.views, 'view', callbackId, handler as Middleware<SlackViewMiddlewareArgs>);
  }

  event<EventType extends string = string>(
    type: EventType,
    handler: Middleware<SlackEventMiddlewareArgs<EventType>>,
  ): void {
    add(this.events, 'event', type, handler as Middleware<SlackEventMiddlewareArgs>);
  }

  options<Source extends OptionsSource = 'block_suggestion'>(
    actionId: string,
    handler: Middleware<SlackOptionsMiddlewareArgs<Source>>,
  ): void {
    // Bolt's options payload is a conditional type of Source, which TypeScript cannot relate to the union.
    const anySource = handler as unknown as Middleware<SlackOptionsMiddlewareArgs>;
    add(this.suggestions, 'options', actionId, anySource);
  }

  /** Registers with Bolt one listener for each kind that has handlers. */
  mount(app: App): void {
    const { commands, actions, views, events, suggestions } = this;
    if (commands.size > 0)
      app.command(idPattern(commands), (args) => dispatch(commands, args.command.command, args));
    if (actions.size > 0)
      app.action(idPattern(actions), (args) => dispatch(actions, actionIdOf(args.action), args));
    if (views.size > 0) app.view(idPattern(views), (args) => dispatch(views, args.view.callback_id, args));
    if (events.size > 0) {
      // Bolt's event() has one overload for a name and one for a pattern.
      const pattern = idPattern(events);
      const listener: Middleware<SlackEventMiddlewareArgs> = (args) =>
        dispatch(events, args.event.type, args);
      if (typeof pattern === 'string') app.event(pattern, listener);
      else app.event(pattern, listener);
    }
    if (suggestions.size > 0)
      app.options(idPattern(suggestions), (args) => dispatch(suggestions, actionIdOf(args.options), args));
  }
}

function add<Args>(handlers: Handlers<Args>, kind: string, id: string, handler: Middleware<Args>): void {
  if (handlers.has(id)) throw new Error(`slack: two ${kind} listeners for "${id}"`);
  handlers.set(id, handler);
}

/**
 * What Bolt matches against: the id itself when there is one (exactly what registering it directly
 * did), else `^(?:a|b|c)$` over the escaped ids.
 */
function idPattern(handlers: ReadonlyMap<string, unknown>): string | RegExp {
  const ids = [...handlers.keys()];
  if (ids.length === 1 && ids[0] !== undefined) return ids[0];
  return new RegExp(`^(?:${ids.map(escapeRegExp).join('|')})$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The action_id Bolt's own matching read: that of a block action, or of a block_suggestion. */
function actionIdOf(payload: object): string | undefined {
  return 'action_id' in payload && typeof payload.action_id === 'string' ? payload.action_id : undefined;
}

async function dispatch<Args>(
  handlers: Handlers<Args>,
  id: string | undefined,
  args: Parameters<Middleware<Args>>[0],
): Promise<void> {
  const handler = id === undefined ? undefined : handlers.get(id);
  if (handler) await handler(args);
}
