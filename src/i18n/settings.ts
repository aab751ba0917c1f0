/**
 * What the settings checks and start-up failures say, in Vietnamese and English (the language is DEFAULT_LOCALE's, read
 * before the rest is checked). zod's own messages are never shown: each issue is described here by
 * its kind, or by the setting's own hint when its format needs an example.
 */
/** What a chat platform given only in part lacks (src/config/platforms.ts finds it). */
export type SettingsMessageKey =
  | 'slack.missing_signing'
  | 'slack.missing_bot_token'
  | 'teams.missing'
  | 'teams.msi_password';

export type SettingsLocale = 'vi' | 'en';

type Catalog = Record<
  | SettingsMessageKey
  | 'invalid.one'
  | 'invalid.many'
  | 'invalid.footer'
  | 'current_value'
  | 'value.number'
  | 'value.integer'
  | 'value.text'
  | 'value.min'
  | 'value.max'
  | 'value.min_length'
  | 'value.max_length'
  | 'value.one_of'
  | 'value.url'
  | 'value.invalid'
  | 'unknown.dotenv'
  | 'unknown.dotenv_suggest'
  | 'unknown.env_suggest'
  | 'file.permission'
  | 'file.read_only'
  | 'file.cannot_create_dir'
  | 'file.not_a_directory'
  | 'file.no_space'
  | 'file.other'
  | 'native_module'
  | 'slack.unreachable'
  | 'slack.auth_failed'
  | 'failed'
  | 'database_unavailable',
  string
>;

const VI: Catalog = {
  'invalid.one': 'Cấu hình không hợp lệ: {problem}. Sửa biến này (hoặc tệp .env) rồi chạy lại.',
  'invalid.many': 'Cấu hình không hợp lệ:',
  'invalid.footer':
    'Sửa các biến môi trường trên (hoặc tệp .env) rồi chạy lại; README mục "Configuration" liệt kê mọi biến.',
  current_value: ' (giá trị hiện tại: "{value}")',
  'value.number': 'phải là một số',
  'value.integer': 'phải là số nguyên',
  'value.text': 'phải là chuỗi ký tự',
  'value.min': 'phải từ {min} trở lên',
  'value.max': 'tối đa là {max}',
  'value.min_length': 'không được để trống',
  'value.max_length': 'dài tối đa {max} ký tự',
  'value.one_of': 'phải là một trong: {values}',
  'value.url': 'phải là một URL (ví dụ https://slack.com/api/)',
  'value.invalid': 'giá trị không hợp lệ',
  'slack.missing_signing':
    'Slack mới cấu hình một phần: có SLACK_BOT_TOKEN nhưng thiếu SLACK_SIGNING_SECRET (chế độ HTTP) hoặc SLACK_APP_TOKEN (Socket Mode)',
  'slack.missing_bot_token': 'Slack mới cấu hình một phần: có {given} nhưng thiếu SLACK_BOT_TOKEN (xoxb-…)',
  'teams.missing':
    'Microsoft Teams mới cấu hình một phần: thiếu {missing} (MicrosoftAppType={type}; xem docs/teams.md)',
  'teams.msi_password': 'MicrosoftAppPassword phải để trống khi MicrosoftAppType=UserAssignedMSI',
  'unknown.dotenv': 'Tệp .env: {name} không phải một thiết lập của da06 nên bị bỏ qua.',
  'unknown.dotenv_suggest':
    'Tệp .env: {name} không phải một thiết lập của da06 nên bị bỏ qua; có phải bạn muốn {suggestion}?',
  'unknown.env_suggest':
    'Biến môi trường {name} không phải một thiết lập của da06 nên bị bỏ qua; có phải bạn muốn {suggestion}?',
  'file.permission':
    'Không có quyền ghi {path} (permission denied): cấp quyền ghi cho người dùng chạy bot, hoặc chọn đường dẫn khác trong DATABASE_URL.',
  'file.read_only':
    'Hệ thống tệp chứa {path} chỉ cho đọc (read-only file system): chọn đường dẫn ghi được trong DATABASE_URL.',
  'file.cannot_create_dir':
    'Không tạo được thư mục {path} cho cơ sở dữ liệu SQLite ({code}): chọn đường dẫn khác trong DATABASE_URL.',
  'file.not_a_directory': '{path} không phải là thư mục: chọn đường dẫn khác trong DATABASE_URL.',
  'file.no_space': 'Đĩa chứa {path} đã đầy (no space left on device): giải phóng dung lượng rồi chạy lại.',
  'file.other': 'Không mở được tệp cơ sở dữ liệu {path} ({code}): kiểm tra DATABASE_URL.',
  native_module:
    'Mô-đun {module} được biên dịch cho một phiên bản Node.js khác, không chạy được trên Node.js này: chạy "npm rebuild {module}" rồi khởi động lại.',
  'slack.unreachable':
    'Không kết nối được Slack ({url}: {cause}). Kiểm tra mạng, HTTPS_PROXY/NO_PROXY và SLACK_API_URL, rồi chạy lại.',
  'slack.auth_failed':
    'Slack từ chối SLACK_BOT_TOKEN ({cause}): kiểm tra token trong trang cấu hình ứng dụng Slack.',
  failed: 'Không khởi động được: {cause}',
  database_unavailable:
    'Không mở được cơ sở dữ liệu {target} sau {attempts} lần thử ({reason}). Kiểm tra DATABASE_URL và máy chủ cơ sở dữ liệu, rồi chạy lại.',
};

const EN: Catalog = {
  'invalid.one': 'Invalid configuration: {problem}. Fix this variable (or the .env file) and start again.',
  'invalid.many': 'Invalid configuration:',
  'invalid.footer':
    'Fix the environment variables above (or the .env file) and start again; README "Configuration" lists every variable.',
  current_value: ' (current value: "{value}")',
  'value.number': 'must be a number',
  'value.integer': 'must be a whole number',
  'value.text': 'must be text',
  'value.min': 'must be {min} or more',
  'value.max': 'must be at most {max}',
  'value.min_length': 'must not be empty',
  'value.max_length': 'must be at most {max} characters long',
  'value.one_of': 'must be one of: {values}',
  'value.url': 'must be a URL (e.g. https://slack.com/api/)',
  'value.invalid': 'is not a valid value',
  'slack.missing_signing':
    'Slack is configured only in part: SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is missing',
  'slack.missing_bot_token':
    'Slack is configured only in part: {given} is set but SLACK_BOT_TOKEN (xoxb-…) is missing',
  'teams.missing':
    'Microsoft Teams is configured only in part: {missing} missing (MicrosoftAppType={type}; see docs/teams.md)',
  'teams.msi_password': 'MicrosoftAppPassword must be empty when MicrosoftAppType=UserAssignedMSI',
  'unknown.dotenv': '.env file: {name} is not a da06 setting and is ignored.',
  'unknown.dotenv_suggest':
    '.env file: {name} is not a da06 setting and is ignored; did you mean {suggestion}?',
  'unknown.env_suggest':
    'Environment variable {name} is not a da06 setting and is ignored; did you mean {suggestion}?',
  'file.permission':
    'Permission denied writing {path}: give the bot’s user write access, or choose another path in DATABASE_URL.',
  'file.read_only': 'The file system holding {path} is read-only: choose a writable path in DATABASE_URL.',
  'file.cannot_create_dir':
    'Cannot create the directory {path} for the SQLite database ({code}): choose another path in DATABASE_URL.',
  'file.not_a_directory': '{path} is not a directory: choose another path in DATABASE_URL.',
  'file.no_space':
    'The disk holding {path} is full (no space left on device): free some space and start again.',
  'file.other': 'Cannot open the database file {path} ({code}): check DATABASE_URL.',
  native_module:
    'The module {module} was built for another Node.js version and cannot load in this one: run "npm rebuild {module}" and start again.',
  'slack.unreachable':
    'Cannot reach Slack ({url}: {cause}). Check the network, HTTPS_PROXY/NO_PROXY and SLACK_API_URL, then start again.',
  'slack.auth_failed':
    'Slack refused SLACK_BOT_TOKEN ({cause}): check the token on the Slack app’s settings page.',
  failed: 'Could not start: {cause}',
  database_unavailable:
    'Cannot open the database {target} after {attempts} attempts ({reason}). Check DATABASE_URL and the database server, then start again.',
};

/** Hints for settings whose format is best shown by an example. */
const HINTS: Record<SettingsLocale, Record<string, string>> = {
  vi: {
    TIME_ZONE: 'không phải múi giờ IANA hợp lệ (ví dụ: Asia/Ho_Chi_Minh)',
    DATABASE_URL: 'phải bắt đầu bằng file: (SQLite) hoặc postgresql:// (PostgreSQL)',
    CLOCK_START: 'phải là ngày giờ ISO, ví dụ 2024-06-20 hoặc 2024-06-20T08:30:00+07:00',
    OVERDUE_CHECK_AT: 'dạng HH:MM, ví dụ 08:30',
    SLACK_BOT_TOKEN: 'phải bắt đầu bằng xoxb-',
    SLACK_APP_TOKEN: 'phải bắt đầu bằng xapp-',
    SLACK_SIGNING_SECRET: 'quá ngắn (Signing Secret của ứng dụng Slack)',
  },
  en: {
    TIME_ZONE: 'is not a valid IANA time zone (e.g. Asia/Ho_Chi_Minh)',
    DATABASE_URL: 'must start with file: (SQLite) or postgresql:// (PostgreSQL)',
    CLOCK_START: 'must be an ISO date or date-time, e.g. 2024-06-20 or 2024-06-20T08:30:00+07:00',
    OVERDUE_CHECK_AT: 'HH:MM, e.g. 08:30',
    SLACK_BOT_TOKEN: 'must start with xoxb-',
    SLACK_APP_TOKEN: 'must start with xapp-',
    SLACK_SIGNING_SECRET: 'is too short (the Slack app’s Signing Secret)',
  },
};

const CATALOGS: Record<SettingsLocale, Catalog> = { vi: VI, en: EN };

export type SettingsText = keyof Catalog;

export function settingsText(
  locale: SettingsLocale,
  key: SettingsText,
  params: Record<string, string | number> = {},
): string {
  return CATALOGS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function settingHint(locale: SettingsLocale, name: string): string | undefined {
  return HINTS[locale][name];
}

/** The language of start-up messages: DEFAULT_LOCALE when it is en, Vietnamese otherwise. */
export function settingsLocale(value: string | undefined): SettingsLocale {
  return value?.trim().toLowerCase() === 'en' ? 'en' : 'vi';
}

/** Both catalogs, for the test that checks they share keys and placeholders. */
export const SETTINGS_CATALOGS = CATALOGS;
