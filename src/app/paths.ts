/** Files the bot ships with: the unit directory and the demo data (see data/README.md). */
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const UNITS_CSV = resolve(REPO_ROOT, 'data/units.csv');
/** The units of 2025 and after (regional, then merged provincial offices) and the changes between them. */
export const UNIT_HISTORY_CSV = resolve(REPO_ROOT, 'data/unit-history.csv');
export const UNIT_CHANGES_CSV = resolve(REPO_ROOT, 'data/unit-changes.csv');
export const DEMO_PLAN_CSV = resolve(REPO_ROOT, 'data/demo/plan-2024.csv');
export const DEMO_MEMBERS_CSV = resolve(REPO_ROOT, 'data/demo/members.csv');

/** The 2024 plan of BHXH Việt Nam (Quyết định 147/QĐ-BHXH ngày 31/01/2024): the demo data. */
export const DEMO_PLAN_HEADER = {
  number: '147/QĐ-BHXH',
  title: 'Kế hoạch triển khai Đề án 06 của Bảo hiểm xã hội Việt Nam năm 2024',
  year: 2024,
  issuedOn: '2024-01-31',
};
