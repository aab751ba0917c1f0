/**
 * Evidence files sent to the bot in personal chat: Teams delivers each as an attachment of type
 * `application/vnd.microsoft.teams.file.download.info` whose `content.downloadUrl` is a short-lived,
 * pre-authorised link (the bot's manifest says `supportsFiles`). The message's text names the task
 * ("22", "minh chứng 22", "evidence 22"); the files go with the member's unit's latest report on it.
 * The link is fetched only over https (or from the activity's own serviceUrl host: the emulator,
 * tests), without any token of ours.
 */
import type { Activity } from 'botbuilder';
import type { EvidenceUpload } from '../../app/use-cases/evidence.ts';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

interface DownloadInfo {
  downloadUrl?: string;
  fileType?: string;
}

/** The files attached to a message, as uploads the core reads when it is ready. */
export function teamsEvidenceUploads(
  activity: Partial<Activity>,
  send: typeof globalThis.fetch = fetch,
): EvidenceUpload[] {
  const serviceHost = hostOf(activity.serviceUrl);
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === FILE_DOWNLOAD_INFO)
    .map((attachment) => {
      const info = (attachment.content ?? {}) as DownloadInfo;
      const name = attachment.name ?? 'file';
      return { name, read: () => download(info.downloadUrl, serviceHost, send) };
    });
}

/** `send`: the outbound fetch (through HTTPS_PROXY unless NO_PROXY names the host), else the global one. */
async function download(
  url: string | undefined,
  serviceHost: string | null,
  send: typeof globalThis.fetch,
): Promise<Uint8Array> {
  if (!url) throw new Error('no downloadUrl');
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.host !== serviceHost) {
    throw new Error(`not an https download link: ${target.host}`);
  }
  const response = await send(target, { redirect: 'follow' });
  if (!response.ok) throw new Error(`download answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).host : null;
  } catch {
    return null;
  }
}
