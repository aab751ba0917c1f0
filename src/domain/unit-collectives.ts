/**
 * Collective phrases for kinds of central units ("Các Vụ", "Ban", "các Trung tâm") and the
 * classifier of bodies outside BHXH Việt Nam that plans name as partners. Kept apart from the
 * directory's matching code (unit-directory.ts) because both are general rules about how plans are
 * written, not data about particular units. Compared folded, word by word (phrase-tokens.ts).
 */
import { phraseKey } from './phrase-tokens.ts';

/**
 * Kinds of central units, named by the first word(s) of their names. "Các Vụ" means every central
 * unit whose name starts with "Vụ". The bare head ("Ban", "Vụ") counts only when it stands alone in
 * a list ("Các Vụ, Ban"), never in front of another word ("Ban KHTC" is an unknown Ban).
 */
export const UNIT_KIND_HEADS: readonly { head: string; phrases: readonly string[] }[] = [
  { head: 'Vụ', phrases: ['các Vụ', 'các Vụ thuộc BHXH Việt Nam', 'các Vụ chức năng', 'Vụ chức năng'] },
  { head: 'Ban', phrases: ['các Ban', 'các Ban thuộc BHXH Việt Nam', 'các Ban nghiệp vụ', 'Ban nghiệp vụ'] },
  { head: 'Trung tâm', phrases: ['các Trung tâm', 'các Trung tâm thuộc BHXH Việt Nam'] },
];

/**
 * Words that close a collective phrase (it names the whole agency) or a place level left after an
 * outside body: they carry no unit.
 */
export const OWNER_SUFFIXES: readonly string[] = [
  'thuộc BHXH Việt Nam',
  'trực thuộc BHXH Việt Nam',
  'thuộc và trực thuộc BHXH Việt Nam',
  'của BHXH Việt Nam',
  'thuộc ngành BHXH',
  'thuộc ngành BHXH Việt Nam',
  'trong ngành',
  'toàn ngành',
  'thuộc ngành',
  'ở Trung ương',
  'tại Trung ương',
  // Levels of place left over from "Công an tỉnh, thành phố", "UBND các quận, huyện".
  'thành phố',
  'thành phố trực thuộc Trung ương',
  'quận, huyện',
  'cấp huyện',
  'cấp xã',
  'xã, phường',
];

/** Codes of the central units whose name starts with `head` (folded, word by word). */
export function codesWithHead(
  entries: readonly { code: string; kind: string; name: string }[],
  head: string,
): string[] {
  const key = phraseKey(head);
  return entries
    .filter((e) => e.kind === 'central')
    .filter((e) => {
      const name = phraseKey(e.name);
      return name === key || name.startsWith(`${key} `);
    })
    .map((e) => e.code);
}

/**
 * The first words of names of bodies outside BHXH Việt Nam: ministries, state corporations and
 * companies, banks, press and news agencies, provincial People's Committees and councils, police,
 * departments, courts, the Party and mass organisations. "các" in front is ignored. BHXH's own
 * units start with Vụ, Ban, Trung tâm, Văn phòng, Viện, Tạp chí, Trường: none of these heads.
 */
export const OUTSIDE_HEADS: readonly string[] = [
  'Bộ',
  'Bộ, ngành',
  'Chính phủ',
  'Quốc hội',
  'Văn phòng Chính phủ',
  'Văn phòng Quốc hội',
  'Văn phòng Chủ tịch nước',
  'Tổng công ty',
  'Tập đoàn',
  'Công ty',
  'Doanh nghiệp',
  'Ngân hàng',
  'Kho bạc',
  'Bưu điện',
  'Báo',
  'Báo chí',
  'Đài',
  'Thông tấn',
  'Thông tấn xã',
  'Cơ quan báo chí',
  'Cơ quan thông tấn',
  'Cơ quan truyền thông',
  'Cơ quan Trung ương',
  'Cơ quan, đơn vị',
  'UBND',
  'Ủy ban nhân dân',
  'Uỷ ban nhân dân',
  'HĐND',
  'Hội đồng nhân dân',
  'Ủy ban',
  'Công an',
  'Sở',
  'Cục',
  'Tổng cục',
  'Chi cục',
  'Viện kiểm sát',
  'Tòa án',
  'Tỉnh ủy',
  'Thành ủy',
  'Huyện ủy',
  'Đảng ủy khối',
  'Ban Tuyên giáo',
  'Ban Tuyên giáo Trung ương',
  'Mặt trận Tổ quốc',
  'Tổng Liên đoàn',
  'Liên đoàn Lao động',
  'Công đoàn',
  'Đoàn Thanh niên',
  'Hội',
  'Hiệp hội',
  'Phòng Thương mại',
  'VCCI',
  'VNPT',
  'Viettel',
  'Cơ sở khám bệnh, chữa bệnh',
  'Cơ sở khám chữa bệnh',
  'Bệnh viện',
  'Nhà cung cấp',
  'Tổ chức',
];

const OUTSIDE_KEYS = OUTSIDE_HEADS.map(phraseKey);

/**
 * Whether a name the directory does not know is an outside body, recognised by its first words:
 * "Tổng công ty Bưu điện Việt Nam", "các cơ quan thông tấn", "UBND tỉnh", "Công an tỉnh".
 */
export function isOutsideBody(name: string): boolean {
  const key = phraseKey(name).replace(/^(?:cac|nhung) /, '');
  return OUTSIDE_KEYS.some((head) => key === head || key.startsWith(`${head} `));
}
