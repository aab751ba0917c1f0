/**
 * `/da06 units [YYYY-MM-DD | DD/MM/YYYY]` (`đơn vị`): admins see the unit directory as it stood on a
 * date (default today), issue 15. Answered as a notice so every channel shows it as it is.
 */
import { canManage } from '../../domain/permissions.ts';
import { type CoreDeps, today as todayOf } from '../core-deps.ts';
import type { NoticeView, Viewer } from '../views.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export async function unitDirectoryOn(deps: CoreDeps, viewer: Viewer, args: string[]): Promise<NoticeView> {
  const allowed = canManage(viewer);
  if (!allowed.allowed) return { kind: 'notice', tone: 'error', key: allowed.reason };
  const text = args.join(' ').trim();
  const day = text === '' ? todayOf(deps) : dayOf(text);
  if (!day) return { kind: 'notice', tone: 'error', key: 'units.bad_date', params: { text } };
  const units = (await deps.units.history()).unitsOn(day);
  const count = (kind: string) => units.filter((u) => u.kind === kind).length;
  return {
    kind: 'notice',
    tone: 'info',
    key: 'units.directory',
    params: {
      date: day,
      count: units.length,
      central: count('central'),
      regional: count('regional'),
      provincial: count('provincial'),
      list: units
        .filter((u) => u.kind !== 'group')
        .map((u) => `${u.code}: ${u.name}`)
        .join('\n'),
    },
  };
}

function dayOf(text: string): string | null {
  const iso = ISO.exec(text);
  if (iso) return text;
  const vn = VN.exec(text);
  if (!vn) return null;
  const [, d = '', m = '', y = ''] = vn;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? null : day;
}
