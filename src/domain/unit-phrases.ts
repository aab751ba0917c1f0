/**
 * Phrases that plan tables use in the "Đơn vị chủ trì / phối hợp" columns besides the names of
 * individual BHXH units. They are data, kept apart from the matching code so that a new wording met
 * in a plan is a one-line addition here. All are compared folded (no case, no diacritics) and word by
 * word, ignoring commas, dashes and dots between words, so each wording is listed once.
 */

/** "Every provincial office" in its usual wordings. Longer wordings win over shorter ones. */
export const ALL_PROVINCIAL_PHRASES: readonly string[] = [
  'BHXH tỉnh',
  'BHXH các tỉnh',
  'BHXH các cấp',
  'BHXH cấp tỉnh',
  'BHXH các tỉnh, thành',
  'BHXH tỉnh, thành phố',
  'BHXH các tỉnh, thành phố',
  'BHXH tỉnh, thành phố trực thuộc Trung ương',
  'BHXH các tỉnh, thành phố trực thuộc Trung ương',
];

/**
 * "Every unit of the central agency". Only `central` units: the working group itself (kind `group`)
 * is never meant by "các đơn vị".
 */
export const ALL_CENTRAL_PHRASES: readonly string[] = [
  'các đơn vị',
  'đơn vị liên quan',
  'các đơn vị trực thuộc',
  'các đơn vị thuộc BHXH Việt Nam',
  'các đơn vị trực thuộc BHXH Việt Nam',
  'các đơn vị của BHXH Việt Nam',
];

/**
 * Named subsets of the central units, by unit code (codes missing from the directory are skipped).
 * "Các đơn vị nghiệp vụ" leads task 9 of the 2024 plan: expanding it to every central unit would
 * make 22 units answerable for it.
 */
export const CENTRAL_SUBSETS: readonly { phrases: readonly string[]; codes: readonly string[] }[] = [
  {
    phrases: [
      'các đơn vị nghiệp vụ',
      'các đơn vị nghiệp vụ của BHXH Việt Nam',
      'các đơn vị nghiệp vụ thuộc BHXH Việt Nam',
    ],
    codes: ['CSXH', 'CSYT', 'TST', 'TCKT', 'GDDT'],
  },
  {
    phrases: [
      'các đơn vị sự nghiệp',
      'các đơn vị sự nghiệp trực thuộc BHXH Việt Nam',
      'các đơn vị sự nghiệp thuộc BHXH Việt Nam',
    ],
    codes: ['GDDT', 'CNTT', 'TTLT', 'TT', 'CSKH', 'TAPCHI', 'DTNV'],
  },
];

/**
 * Bodies outside BHXH Việt Nam that plans name as partners. They are recognised so they are not
 * reported as unknown units, and dropped: the bot only chases BHXH units.
 */
export const EXTERNAL_BODIES: readonly string[] = [
  'Chính phủ',
  'Thủ tướng Chính phủ',
  'Văn phòng Chính phủ',
  'VPCP',
  'đơn vị chức năng thuộc Văn phòng Chính phủ',
  'Tổ công tác Đề án 06 của Chính phủ',
  'Tổ công tác triển khai Đề án 06 của Chính phủ',
  'Tổ công tác Đề án 06/CP',
  'Bộ Công an',
  'BCA',
  'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
  'C06',
  'C06 Bộ Công an',
  'Bộ Thông tin và Truyền thông',
  'Bộ Y tế',
  'Bộ Tài chính',
  'Bộ Tư pháp',
  'Bộ Nội vụ',
  'Bộ Kế hoạch và Đầu tư',
  'Bộ Lao động - Thương binh và Xã hội',
  'Ngân hàng Nhà nước',
  'Ngân hàng Nhà nước Việt Nam',
  'Bộ, ngành',
  'các Bộ, ngành',
  'Bộ, ngành, địa phương',
  'các Bộ, ngành, địa phương',
  'các Bộ, ngành và địa phương',
  'địa phương',
  'các địa phương',
  'UBND các tỉnh',
  'UBND các tỉnh, thành phố',
  'Ủy ban nhân dân các cấp',
  'các Sở, Ngành, Ủy ban nhân dân các cấp tại địa phương',
  'Ủy ban nhân dân các tỉnh',
  'Ủy ban nhân dân các tỉnh, thành phố',
  'cơ quan có thẩm quyền',
  'các cơ quan có thẩm quyền',
  'các cơ quan',
  'các cơ quan liên quan',
  'các cơ sở đào tạo',
  'các cơ sở đào tạo, bồi dưỡng',
  'các cơ sở đào tạo, bồi dưỡng có thẩm quyền',
  'các tổ chức, cá nhân',
  'các tổ chức tín dụng',
  'các ngân hàng',
  'các doanh nghiệp',
  'các nhà cung cấp dịch vụ',
  // Bodies inside BHXH that are not units of the directory.
  'Hội đồng Thi đua - Khen thưởng ngành BHXH Việt Nam',
  'Hội đồng Thi đua - Khen thưởng các cấp',
  'Hội đồng Thi đua - Khen thưởng',
  'Ban chỉ đạo chuyển đổi số ngành BHXH Việt Nam',
  'Ban chỉ đạo chuyển đổi số',
  'Bộ phận một cửa',
];

/**
 * Filler that carries no unit: "các đơn vị có liên quan", "Trung tâm CNTT và Vụ Pháp chế",
 * "các cơ quan khác", "Thủ trưởng các đơn vị trực thuộc", "Giám đốc BHXH các tỉnh".
 */
export const NOISE_PHRASES: readonly string[] = [
  'liên quan',
  'có liên quan',
  'và',
  'với',
  'cùng',
  'khác',
  'v.v.',
  'thủ trưởng',
  'giám đốc',
];

/**
 * Parenthesised definitions such as "(gọi tắt là các đơn vị)" restate what precedes them; everything
 * inside the parentheses is skipped when it starts with one of these.
 */
export const DEFINITION_OPENERS: readonly string[] = [
  'gọi tắt là',
  'gọi chung là',
  'sau đây gọi là',
  'sau đây gọi tắt là',
  'viết tắt là',
];

/**
 * Abbreviations written both ways in official text. Both the directory and the cells are rewritten
 * to the short form before matching, so "Trung tâm Công nghệ thông tin" matches the alias
 * "Trung tâm CNTT" and "Bảo hiểm xã hội các tỉnh" matches "BHXH các tỉnh".
 */
export const ABBREVIATIONS: readonly (readonly [long: string, short: string])[] = [
  ['bảo hiểm xã hội', 'bhxh'],
  ['bảo hiểm y tế', 'bhyt'],
  ['bảo hiểm thất nghiệp', 'bhtn'],
  ['công nghệ thông tin', 'cntt'],
  ['thủ tục hành chính', 'tthc'],
  ['thành phố', 'tp'],
  ['trung ương', 'tw'],
  ['việt nam', 'vn'],
];
