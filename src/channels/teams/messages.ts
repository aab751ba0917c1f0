/**
 * Adds the Teams catalogs (messages.vi.ts, messages.en.ts) to the one merged catalog of src/i18n.
 * Imported for this effect by what renders Teams text (cards/card.ts, adapter.ts, setup.ts,
 * card-ledger.ts) and by the channel's entry.
 */
import { addCatalogs } from '../../i18n/index.ts';
import { teamsEn } from './messages.en.ts';
import { teamsVi } from './messages.vi.ts';

addCatalogs({ vi: teamsVi, en: teamsEn });
