/**
 * `/da06 export`: the file (DOCX, XLSX, CSV) and its chart uploaded to the conversation the command
 * came from with files.uploadV2 (files.getUploadURLExternal → the bytes to the upload URL →
 * files.completeUploadExternal), in one message whose text is the caption. A command typed in a direct
 * message goes to the member's DM with the bot. Runs after the command was acked.
 */
import type { WebClient } from '@slack/web-api';
import type { FileView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import { captionText } from '../blocks/file.ts';
import { clip, LIMITS } from '../blocks/kit.ts';
import { renderNotice } from '../blocks/notice.ts';
import type { SlackDeps } from '../deps.ts';
import { describe, dmChannel, tell } from '../reply.ts';

export interface UploadTarget {
  userId: string;
  /** The command's channel_id; a DM (D…) or none means the member's DM with the bot. */
  channelId?: string | undefined;
  responseUrl?: string | undefined;
}

/** Where the file goes: the command's channel, or the bot's DM with the member. */
export async function uploadChannel(
  deps: SlackDeps,
  client: WebClient,
  target: UploadTarget,
): Promise<string> {
  const channel = target.channelId?.trim();
  if (channel && !channel.startsWith('D')) return channel;
  return dmChannel(deps, client, target.userId);
}

export async function uploadFile(
  deps: SlackDeps,
  client: WebClient,
  target: UploadTarget,
  view: FileView,
  ctx: RenderContext,
): Promise<void> {
  let channel = target.channelId ?? '';
  try {
    channel = await uploadChannel(deps, client, target);
    const image = view.image;
    await client.files.uploadV2({
      channel_id: channel,
      initial_comment: clip(captionText(view), LIMITS.fallbackText),
      file_uploads: [
        { file: view.bytes, filename: view.fileName, title: view.fileName, alt_text: view.altText },
        ...(image
          ? [{ file: image.bytes, filename: image.fileName, title: image.fileName, alt_text: image.altText }]
          : []),
      ],
    });
  } catch (error) {
    deps.log(`slack: uploading ${view.fileName} to ${channel || 'the DM'} failed: ${describe(error)}`);
    const failed = renderNotice(
      {
        kind: 'notice',
        tone: 'error',
        key: 'slack.export.upload_failed',
        params: { reason: describe(error) },
      },
      ctx,
    );
    await tell(deps, client, target, failed);
  }
}
