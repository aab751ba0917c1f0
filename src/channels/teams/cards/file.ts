/**
 * An exported report ("xuất báo cáo") in Teams. A bot cannot attach an arbitrary file to a message
 * (that takes SharePoint or OneDrive), so: the caption and the chart (a thumbnail small enough for
 * Teams' message limit, inline as a data URL) on a card, and the document through the Bot Framework
 * file flow of personal chats: a FileConsentCard; on "Allow" Teams gives an upload URL in the user's
 * OneDrive, the bot PUTs the bytes there and answers with a FileInfoCard.
 */
import type { Attachment } from 'botbuilder';
import type { FileView } from '../../../app/views.ts';
import type { RenderContext } from '../../../presentation/context.ts';
import {
  type AdaptiveCard,
  adaptiveCard,
  CARD_BYTE_BUDGET,
  type CardElement,
  cardBytes,
  text,
  title,
} from './card.ts';
import { pngThumbnail } from './png-thumbnail.ts';

export const FILE_CONSENT_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.info';

/** What the consent card carries back in `fileConsent/invoke`: the pending file, and the command to redo it. */
export interface FileConsentContext {
  da06File: string;
  command: string;
}

/** The caption, the chart (when one fits) and `notes` (where the file goes). */
export function renderFileCard(view: FileView, ctx: RenderContext, notes: CardElement[] = []): AdaptiveCard {
  const [heading = view.fileName, ...lines] = view.caption;
  const body: CardElement[] = [
    title(heading),
    ...lines.map((line) => text(line, { spacing: 'Small' })),
    ...notes,
  ];
  const image = view.image;
  if (!image) return adaptiveCard(ctx, body);
  const imageElement = (url: string): CardElement => ({
    type: 'Image',
    url,
    altText: image.altText,
    size: 'Stretch',
  });
  const chartTitle = text(ctx.t('teams.file.chart_title'), {
    isSubtle: true,
    size: 'Small',
    spacing: 'Medium',
  });
  const place = lines.length + 1;
  const withImage = (url: string) =>
    adaptiveCard(ctx, [...body.slice(0, place), chartTitle, imageElement(url), ...body.slice(place)]);
  const room = CARD_BYTE_BUDGET - cardBytes(withImage(''));
  const thumbnail = room > 2_000 ? pngThumbnail(image.bytes, room) : null;
  if (thumbnail) return withImage(thumbnail.url);
  return adaptiveCard(ctx, [
    ...body.slice(0, place),
    text(ctx.t('teams.file.chart_missing'), { isSubtle: true, size: 'Small' }),
    text(image.altText, { size: 'Small', spacing: 'None' }),
    ...body.slice(place),
  ]);
}

/** The card that asks the user to let the bot put the file in their OneDrive (personal chat only). */
export function fileConsentAttachment(
  view: FileView,
  ctx: RenderContext,
  context: FileConsentContext,
): Attachment {
  const caption = view.altText ?? view.caption[0] ?? view.fileName;
  return {
    contentType: FILE_CONSENT_CONTENT_TYPE,
    name: view.fileName,
    content: {
      description: ctx.t('teams.file.consent_description', {
        caption,
        size: sizeText(view.bytes.length, ctx.locale),
      }),
      sizeInBytes: view.bytes.length,
      acceptContext: context,
      declineContext: context,
    },
  };
}

/** The uploaded file as Teams shows it, from the `uploadInfo` of the accepted consent. */
export function fileInfoAttachment(info: {
  contentUrl?: string;
  name?: string;
  uniqueId?: string;
  fileType?: string;
}): Attachment {
  return {
    contentType: FILE_INFO_CONTENT_TYPE,
    ...(info.contentUrl ? { contentUrl: info.contentUrl } : {}),
    ...(info.name ? { name: info.name } : {}),
    content: { uniqueId: info.uniqueId, fileType: info.fileType },
  };
}

/** "45,2 KB", "1,3 MB". */
export function sizeText(bytes: number, locale: string): string {
  const format = (n: number) =>
    new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}
