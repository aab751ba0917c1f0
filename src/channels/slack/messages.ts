/**
 * Adds the Slack catalogs (messages.vi.ts, messages.en.ts) to the one merged catalog of src/i18n.
 * Imported for this effect by what renders Slack text (blocks/kit.ts) and by the channel's entry.
 */
import { addCatalogs } from '../../i18n/index.ts';
import { slackEn } from './messages.en.ts';
import { slackVi } from './messages.vi.ts';

addCatalogs({ vi: slackVi, en: slackEn });
