/**
 * Vietnamese messages of the Slack app (src/channels/slack): buttons, modals, the App Home, "xem thêm".
 * The source of `SlackMessageKey`; the English catalog (messages.en.ts) has exactly these keys. Every key
 * starts with `slack.`, so `messages.ts` adds them to the one merged catalog of src/i18n without clashes.
 */
export const slackVi = {
  // Buttons on reminders, overdue alerts, task lists and the App Home -------------------------------
  'slack.button.update': 'Cập nhật tiến độ',
  'slack.button.done': 'Đã hoàn thành',
  'slack.button.snooze': 'Nhắc lại sau',
  'slack.button.report': 'Báo cáo tiến độ',
  'slack.button.more': 'Xem thêm',
  'slack.button.previous': 'Trang trước',
  'slack.confirm.done.title': 'Xác nhận hoàn thành',
  'slack.confirm.done.text': 'Báo cáo nhiệm vụ {code} đã hoàn thành (100%) trong kỳ hiện tại?',
  'slack.confirm.yes': 'Xác nhận',
  'slack.confirm.no': 'Không',

  // Paging ("xem thêm") -------------------------------------------------------------------------------
  'slack.more.page': 'Trang {page}/{pages}',
  'slack.more.expired': 'Nội dung này đã thay đổi; vui lòng gõ lại lệnh để xem bản mới nhất.',

  // Modals ---------------------------------------------------------------------------------------------
  'slack.modal.app_title': 'Trợ lý Đề án 06',
  'slack.modal.report_title': 'Báo cáo tiến độ',
  'slack.modal.done_title': 'Đã hoàn thành',
  'slack.modal.snooze_title': 'Nhắc lại sau',
  'slack.modal.submit': 'Gửi',
  'slack.modal.cancel': 'Hủy',
  'slack.modal.close': 'Đóng',
  'slack.modal.skip': 'Bỏ qua',

  // The report form ------------------------------------------------------------------------------------
  'slack.form.context': 'Kỳ báo cáo: {period} · Đơn vị: {unit}',
  'slack.form.task': 'Nhiệm vụ',
  'slack.form.period': 'Báo cáo cho tháng',
  'slack.form.period_hint': 'Tháng trước vẫn nhận báo cáo (nộp muộn) trong vài ngày đầu tháng này.',
  'slack.form.task_placeholder': 'Chọn nhiệm vụ cần báo cáo',
  'slack.form.task_search': 'Gõ mã hoặc nội dung để tìm nhiệm vụ',
  'slack.form.task_required': 'Vui lòng chọn nhiệm vụ cần báo cáo.',
  'slack.form.status_placeholder': 'Chọn tình trạng thực hiện',
  'slack.form.percent_hint': 'Số nguyên từ 0 đến 100; Đã hoàn thành là 100, Chưa triển khai là 0.',
  'slack.form.done_placeholder': 'Nêu các kết quả đã thực hiện trong kỳ',
  'slack.form.blockers_placeholder': 'Khó khăn, vướng mắc và kiến nghị với Tổ công tác (nếu có)',
  'slack.form.evidence_placeholder': 'https://… (văn bản, hệ thống, báo cáo minh chứng)',
  'slack.form.evidence_files': 'Tệp minh chứng',
  'slack.form.evidence_files_hint':
    'PDF, DOCX, XLSX, PNG hoặc JPEG, mỗi tệp tối đa 20 MB (quyết định, biên bản, ảnh chụp màn hình).',

  // "Đã hoàn thành": the product link ---------------------------------------------------------------
  'slack.done.link_prompt':
    'Nếu có, vui lòng gửi đường dẫn tới sản phẩm của nhiệm vụ (văn bản, hệ thống, báo cáo…) để làm minh chứng. Có thể bỏ qua bước này.',
  'slack.done.link_label': 'Đường dẫn sản phẩm',

  // "Nhắc lại sau" --------------------------------------------------------------------------------------
  'slack.snooze.intro':
    'Tạm dừng nhắc nhở nhiệm vụ {code} với đơn vị đến ngày được chọn (tối đa 90 ngày). Tổ trưởng sẽ được thông tin về đề nghị và lý do.',
  'slack.snooze.until': 'Nhắc lại vào ngày',
  'slack.snooze.reason': 'Lý do',
  'slack.snooze.reason_placeholder': 'Ví dụ: chờ văn bản hướng dẫn của Bộ Công an',

  // Summaries posted to the group's channel ------------------------------------------------------------
  'slack.summary.posted': 'Đã đăng bản tổng hợp {period} lên kênh chung của Tổ công tác.',
  'slack.summary.no_group_channel':
    'Chưa cấu hình kênh chung của Tổ công tác (SLACK_GROUP_CHANNEL), nên chưa đăng được bản tổng hợp. Vui lòng liên hệ quản trị viên.',
  'slack.summary.post_failed':
    'Chưa đăng được bản tổng hợp lên kênh chung ({reason}). Nếu ứng dụng chưa có trong kênh, hãy mời vào bằng lệnh /invite rồi thử lại.',
  'slack.summary.totals_line': '{label}: *{count}* ({share})',
  'slack.summary.unit_line':
    'Chủ trì {lead} · Đã BC {reported} · Hoàn thành {done} · Đang TK {inProgress} · Vướng mắc {blocked} · Chưa TK {notStarted} · Quá hạn {overdue}',

  // The App Home ---------------------------------------------------------------------------------------
  'slack.home.greeting': 'Xin chào {name} ({unit}, {role})',
  'slack.home.my_tasks': 'Nhiệm vụ của đơn vị',
  'slack.home.group': 'Tiến độ chung của Tổ công tác — {period}',
  'slack.home.group_more':
    'Quá hạn: {overdue} nhiệm vụ · Vướng mắc, kiến nghị: {blockers} · Đơn vị chưa báo cáo: {missing}',
  'slack.home.group_hint': 'Xem đầy đủ: /da06 summary · Đăng lên kênh chung: /da06 summary post',
  'slack.home.meeting': 'Giao ban tiếp theo',
  'slack.home.unregistered_title': 'Chào mừng đến với Trợ lý Đề án 06',

  // Export (/da06 export) ------------------------------------------------------------------------------
  'slack.export.upload_failed':
    'Chưa tải được tệp báo cáo lên cuộc trò chuyện ({reason}). Nếu đây là một kênh, hãy mời ứng dụng vào bằng lệnh /invite rồi thử lại, hoặc gõ lệnh trong tin nhắn riêng với trợ lý.',

  // Errors ---------------------------------------------------------------------------------------------
  'slack.error.generic':
    'Trợ lý gặp lỗi khi xử lý yêu cầu, nên chưa thực hiện được. Vui lòng thử lại sau ít phút; nếu vẫn lỗi, xin báo quản trị viên.',
} as const;

export type SlackMessageKey = keyof typeof slackVi;
