/** Adds the dashboard's catalogs (messages.vi.ts, messages.en.ts) to the one merged catalog of src/i18n. */
import { addCatalogs } from '../i18n/index.ts';
import { webEn } from './messages.en.ts';
import { webVi } from './messages.vi.ts';

addCatalogs({ vi: webVi, en: webEn });
