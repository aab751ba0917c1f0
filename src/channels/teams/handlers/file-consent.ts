import type { FileConsentCardResponse, TurnContext } from 'botbuilder';
import { parseChatCommand } from '../../../app/chat-command.ts';
import { t } from '../../../i18n/index.ts';
import { type FileConsentContext, fileInfoAttachment } from '../cards/file.ts';
import { uploadToSession } from '../file-uploads.ts';

import { CONSENT_COMMAND_MAX, describe, reply, TurnHandler, unregisteredCard } from './turn-handler.ts';

export class FileConsentHandler extends TurnHandler {
  /** "Allow": the file PUT to the user's OneDrive, then a FileInfoCard. "Decline": said so. */
  async handle(context: TurnContext, response: FileConsentCardResponse | undefined) {
    const who = await this.identify(context.activity);
    if (who.kind === 'notice') {
      await reply(context, unregisteredCard(who.notice, who.locale, this.timeZone));
      return;
    }
    const viewer = who.viewer;
    const said = readConsentContext(response?.context);
    const info = response?.uploadInfo;
    const pending = said ? this.pendingFiles.get(said.da06File, viewer.memberId) : null;
    const name = info?.name || pending?.fileName || '';
    if (response?.action === 'decline') {
      if (said) this.pendingFiles.delete(said.da06File);
      await context.sendActivity(t(viewer.locale, 'teams.file.declined', { file: name }));
      return;
    }
    if (response?.action !== 'accept' || !said || !info?.uploadUrl) {
      await context.sendActivity(t(viewer.locale, 'teams.file.expired'));
      return;
    }
    let bytes = pending?.bytes;
    if (!bytes && said.command) {
      // Not in memory (a restart): the command again, permissions checked again.
      const view = await this.core.handle(viewer, parseChatCommand(said.command));
      if (view.kind === 'file') bytes = view.bytes;
    }
    if (!bytes) {
      await context.sendActivity(t(viewer.locale, 'teams.file.expired'));
      return;
    }
    try {
      await uploadToSession(info.uploadUrl, bytes, this.options.fetch);
    } catch (error) {
      this.options.log(`[teams] upload of ${name} to OneDrive failed: ${describe(error)}`);
      const reason = error instanceof Error ? error.message : String(error);
      await context.sendActivity(t(viewer.locale, 'teams.file.upload_failed', { file: name, reason }));
      return;
    }
    this.pendingFiles.delete(said.da06File);
    await context.sendActivity({
      type: 'message',
      text: t(viewer.locale, 'teams.file.uploaded', { file: name }),
      attachments: [fileInfoAttachment(info)],
    });
  }
}

function readConsentContext(value: unknown): FileConsentContext | null {
  if (typeof value !== 'object' || value === null) return null;
  const { da06File, command } = value as Record<string, unknown>;
  if (typeof da06File !== 'string' || !/^[\w-]{8,64}$/.test(da06File)) return null;
  return {
    da06File,
    command: typeof command === 'string' && command.length <= CONSENT_COMMAND_MAX ? command : '',
  };
}
