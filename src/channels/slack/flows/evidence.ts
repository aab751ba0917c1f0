/**
 * Evidence files from the report modal's `file_input`: Slack has already stored them; the state
 * names each file by id. files.info gives its name, size and `url_private_download`, and the bytes are
 * fetched from there with the bot token (files:read) — only from Slack's own hosts (or the configured
 * SLACK_API_URL's, a test fake), so the token never goes anywhere else; through HTTPS_PROXY unless
 * NO_PROXY names the host. The core then checks, stores
 * and records them (`Core.attachEvidence`).
 */
import type { WebClient } from '@slack/web-api';
import type { EvidenceUpload } from '../../../app/use-cases/evidence.ts';
import type { Settings } from '../../../config/settings.ts';
import { type Outbound, outboundFor } from '../../outbound.ts';
import { BLOCKS, INPUTS } from '../ids.ts';
import type { Values } from '../listeners/views/submission.ts';

/** The ids (and names, as the state gives them) of the files in the modal's file input. */
export function evidenceFilesOf(values: Values): Array<{ id: string; name: string }> {
  const state = values[BLOCKS.evidenceFiles]?.[INPUTS.evidenceFiles] as
    | { files?: Array<{ id?: string; name?: string }> }
    | undefined;
  return (state?.files ?? [])
    .filter((file): file is { id: string; name?: string } => typeof file.id === 'string')
    .map((file) => ({ id: file.id, name: file.name ?? file.id }));
}

/**
 * One upload per file: files.info first (name, size, download URL), so a file over the limit is
 * refused before it is fetched; a file Slack cannot describe is refused when read, with the reason.
 */
export async function slackEvidenceUploads(
  client: WebClient,
  settings: Settings,
  files: Array<{ id: string; name: string }>,
): Promise<EvidenceUpload[]> {
  return Promise.all(
    files.map(async (file): Promise<EvidenceUpload> => {
      try {
        const meta = (await client.files.info({ file: file.id })).file;
        const url = meta?.url_private_download ?? meta?.url_private;
        return {
          name: meta?.name ?? file.name,
          size: meta?.size,
          read: () => (url ? download(url, settings) : Promise.reject(new Error('files.info gave no URL'))),
        };
      } catch (error) {
        return { name: file.name, read: () => Promise.reject(error) };
      }
    }),
  );
}

/** One proxied transport per settings (HTTPS_PROXY/NO_PROXY), shared by every download. */
const transports = new WeakMap<Settings, Outbound | null>();

function sendFor(settings: Settings): typeof globalThis.fetch {
  if (!transports.has(settings)) transports.set(settings, outboundFor(settings));
  return transports.get(settings)?.fetch ?? fetch;
}

async function download(url: string, settings: Settings): Promise<Uint8Array> {
  const target = new URL(url);
  const api = new URL(settings.SLACK_API_URL);
  const slackHost = /(^|\.)slack\.com$/.test(target.hostname);
  if (!(slackHost && target.protocol === 'https:') && target.host !== api.host) {
    throw new Error(`not a Slack file URL: ${target.host}`);
  }
  const response = await sendFor(settings)(target, {
    headers: { authorization: `Bearer ${settings.SLACK_BOT_TOKEN ?? ''}` },
    redirect: 'error',
  });
  if (!response.ok) throw new Error(`download answered ${response.status}`);
  // Slack answers an unauthorised download with its sign-in page, not an error status.
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
    throw new Error('Slack answered with a web page (files:read missing?)');
  }
  return new Uint8Array(await response.arrayBuffer());
}
