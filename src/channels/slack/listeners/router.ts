/**
 * The bot's handlers (command, action, view, event, options), dispatched by id through a Map from one
 * Bolt global middleware. Bolt runs every registered listener's middleware chain for every request (a
 * copy of the chain, two spreads of all args per middleware, a promise each, then
 * Promise.allSettled over all of them): with one listener per id, a modal submission spent 3× a
 * one-listener app's time in Bolt's invokeMiddleware; with one listener per kind (five), still ≈ 2×
 * a bare app's. The listener files register here as they did on the App, with the same typed args;
 * the router matches as Bolt's listeners did, so an unknown id reaches no handler, as before.
 */
import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
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

  /**
   * Registers with Bolt one global middleware that routes each request to its handler (below). What
   * matches is what Bolt's own listeners matched: a command by its name, a block action or a
   * block_suggestion by its action_id, a view_submission (never view_closed) by its callback_id, an
   * event by its type. A request no handler takes goes on to Bolt's listeners (there are none).
   */
  mount(app: App): void {
    app.use(async (args) => {
      if (!(await this.route(args))) await args.next();
    });
  }

  /** Runs the handler of a request, if there is one; says whether there was. */
  private route(args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<boolean> {
    if ('command' in args && args.command)
      return dispatch(
        this.commands,
        args.command.command,
        args as SlackCommandMiddlewareArgs & AllMiddlewareArgs,
      );
    if ('action' in args && args.action)
      return dispatch(
        this.actions,
        actionIdOf(args.action),
        args as SlackActionMiddlewareArgs & AllMiddlewareArgs,
      );
    if ('view' in args && args.view)
      return args.body.type === 'view_submission'
        ? dispatch(this.views, args.view.callback_id, args as SlackViewMiddlewareArgs & AllMiddlewareArgs)
        : Promise.resolve(false);
    if ('event' in args && args.event)
      return dispatch(this.events, args.event.type, args as SlackEventMiddlewareArgs & AllMiddlewareArgs);
    if ('options' in args && args.options)
      return dispatch(
        this.suggestions,
        actionIdOf(args.options),
        args as SlackOptionsMiddlewareArgs & AllMiddlewareArgs,
      );
    return Promise.resolve(false);
  }
}

function add<Args>(handlers: Handlers<Args>, kind: string, id: string, handler: Middleware<Args>): void {
  if (handlers.has(id)) throw new Error(`slack: two ${kind} listeners for "${id}"`);
  handlers.set(id, handler);
}

/** The action_id Bolt's own matching read: that of a block action, or of a block_suggestion. */
function actionIdOf(payload: object): string | undefined {
  return 'action_id' in payload && typeof payload.action_id === 'string' ? payload.action_id : undefined;
}

async function dispatch<Args>(
  handlers: Handlers<Args>,
  id: string | undefined,
  args: Parameters<Middleware<Args>>[0],
): Promise<boolean> {
  const handler = id === undefined ? undefined : handlers.get(id);
  if (!handler) return false;
  await handler(args);
  return true;
}
