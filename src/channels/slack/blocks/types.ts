/** A message as Slack takes it: the fallback `text` (notifications, screen readers) and the blocks. */
import type { KnownBlock } from '@slack/types';

export interface Rendered {
  text: string;
  blocks: KnownBlock[];
}
