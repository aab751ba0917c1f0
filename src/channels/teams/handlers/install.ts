import { type Activity, TurnContext } from 'botbuilder';
import { renderContext } from '../../../presentation/context.ts';
import { text } from '../cards/card.ts';
import { renderHelpCard } from '../cards/help.ts';
import { renderNoticeCard } from '../cards/notice.ts';
import { renderCard } from '../render.ts';

import { reply, TurnHandler, unregisteredCard } from './turn-handler.ts';

export class InstallHandler extends TurnHandler {
  async installed(context: TurnContext): Promise<void> {
    const activity = context.activity;
    this.rememberConversation(activity, true);
    const type = activity.conversation?.conversationType;
    if (type === 'channel') {
      const locale = this.core.deps.group.locale === 'en' ? 'en' : 'vi';
      await reply(
        context,
        renderNoticeCard(
          { kind: 'notice', tone: 'info', key: 'teams.welcome.team' },
          renderContext(locale, this.timeZone),
        ),
      );
      return;
    }
    if (type !== 'personal') return;
    const who = await this.identify(activity);
    if (who.kind === 'notice') {
      await reply(context, unregisteredCard(who.notice, who.locale, this.timeZone));
      return;
    }
    const ctx = renderContext(who.viewer.locale, this.timeZone);
    const view = await this.core.handle(who.viewer, { name: 'help' });
    const help =
      view.kind === 'help'
        ? renderHelpCard(view, ctx)
        : renderCard(view, who.viewer.locale, { cardId: this.newCardId(), timeZone: this.timeZone });
    const welcome = text(
      ctx.t('teams.welcome.personal', { name: who.viewer.displayName, unit: who.viewer.unitName }),
      {
        weight: 'Bolder',
      },
    );
    await reply(context, { ...help, body: [welcome, ...help.body] });
  }

  uninstalled(activity: Activity): void {
    const type = activity.conversation?.conversationType;
    const aad = activity.from?.aadObjectId;
    if (type === 'personal' && aad) {
      this.options.later('forget personal chat', () => this.options.conversations.clearMember(aad));
    } else if (type === 'channel' && activity.conversation?.id) {
      const id = activity.conversation.id;
      this.options.later('forget team channel', () => this.options.conversations.clearGroup(id));
    }
  }

  /** Keeps the reference of a personal chat (per member) or of the team channel, after the turn. */
  rememberConversation(activity: Activity, install = false): void {
    const reference = TurnContext.getConversationReference(activity);
    const type = activity.conversation?.conversationType;
    const aad = activity.from?.aadObjectId;
    if (type === 'personal' && aad) {
      this.options.later('save personal chat', () => this.options.conversations.saveMember(aad, reference));
    } else if (type === 'channel') {
      this.options.later('save team channel', () => this.options.conversations.saveGroup(reference, install));
    }
  }
}
