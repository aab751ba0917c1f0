/**
 * Vietnamese messages of the Microsoft Teams channel (src/channels/teams): button labels, form
 * hints, welcome and error messages. The source of `TeamsMessageKey`; `messages.en.ts` must have exactly
 * these keys (all prefixed `teams.`). Sentences shared with other channels (statuses, summaries,
 * reminders) stay in src/i18n/messages.vi.ts.
 */
export const teamsVi = {
  // Buttons ----------------------------------------------------------------------------------------
  'teams.action.update': 'Cập nhật tiến độ',
  'teams.action.done': 'Đã hoàn thành',
  'teams.action.snooze': 'Nhắc lại sau',
  'teams.action.done_confirm': 'Xác nhận đã hoàn thành',
  'teams.action.snooze_confirm': 'Xác nhận nhắc lại',
  'teams.action.submit': 'Gửi báo cáo',
  'teams.action.back': 'Quay lại',
  'teams.action.next': 'Xem tiếp',
  'teams.action.previous': 'Trang trước',
  'teams.action.report_other': 'Báo cáo nhiệm vụ khác',
  'teams.action.my_tasks': 'Nhiệm vụ của đơn vị',
  'teams.action.report': 'Báo cáo tiến độ',
  'teams.action.summary': 'Tổng hợp',
  'teams.action.overdue': 'Quá hạn',
  'teams.action.meeting': 'Lịch giao ban',
  'teams.page': 'Trang {page}/{pages}',

  // The report form --------------------------------------------------------------------------------
  'teams.form.task': 'Nhiệm vụ',
  'teams.form.period': 'Báo cáo cho tháng (tháng trước vẫn nhận báo cáo muộn trong vài ngày đầu tháng)',
  'teams.form.task_placeholder': 'Chọn nhiệm vụ cần báo cáo',
  'teams.form.task_required': 'Vui lòng chọn nhiệm vụ cần báo cáo.',
  'teams.form.status_placeholder': 'Chọn tình trạng thực hiện',
  'teams.form.status_required': 'Vui lòng chọn tình trạng thực hiện.',
  'teams.form.percent_placeholder': 'Từ 0 đến 100',
  'teams.form.done_placeholder': 'Nêu các kết quả đã thực hiện trong kỳ',
  'teams.form.blockers_placeholder': 'Không bắt buộc; bắt buộc khi tình trạng là Vướng mắc',
  'teams.form.evidence_placeholder': 'https://… (không bắt buộc)',
  'teams.form.evidence_done': 'Đường dẫn sản phẩm, minh chứng (không bắt buộc)',
  'teams.form.field_error': '{field}: {message}',

  // "Nhắc lại sau" ---------------------------------------------------------------------------------
  'teams.snooze.until': 'Nhắc lại vào ngày',
  'teams.snooze.until_required': 'Vui lòng chọn ngày nhắc lại.',
  'teams.snooze.reason': 'Lý do (Tổ trưởng sẽ được thông tin)',

  // After an action on a reminder ----------------------------------------------------------------
  'teams.reminder.remaining': 'Các nhiệm vụ còn lại trong lời nhắc, đơn vị chưa báo cáo kỳ này:',
  'teams.reminder.all_done': 'Đơn vị đã báo cáo tất cả các nhiệm vụ trong lời nhắc này. Xin cảm ơn!',
  'teams.reminder.hidden_tasks': '… và {count} nhiệm vụ khác, bấm "Xem tiếp" để xem.',

  // Conversations ----------------------------------------------------------------------------------
  'teams.welcome.personal':
    'Xin chào {name}! Trợ lý Đề án 06 sẽ nhắc lịch giao ban, đợt báo cáo và nhiệm vụ quá hạn của đơn vị {unit} tại đây. Gõ "trợ giúp" để xem các lệnh.',
  'teams.welcome.team':
    'Trợ lý Đề án 06 đã được thêm vào nhóm. Thông báo chung và bản tổng hợp tiến độ của Tổ công tác sẽ được đăng tại kênh này. Để dùng lệnh trong kênh, hãy nhắc đến trợ lý trước lệnh, ví dụ: @Trợ lý Đề án 06 tổng hợp.',
  'teams.unregistered_hint':
    'Sau khi được thêm vào danh sách, anh/chị gửi một tin nhắn bất kỳ (ví dụ "trợ giúp") cho trợ lý để nhận nhắc nhở tại đây.',
  'teams.help.usage':
    'Trong Teams, gõ lệnh không cần "/da06", tiếng Việt có dấu hay không dấu đều được: "nhiệm vụ", "báo cáo 5", "tổng hợp 2024-06", "quá hạn", "giao ban". Trong kênh của nhóm, nhắc đến trợ lý trước lệnh.',
  'teams.summary_posted': 'Đã đăng bản tổng hợp lên kênh Teams của Tổ công tác.',
  'teams.group_unknown':
    'Chưa có kênh Teams của Tổ công tác: vui lòng thêm ứng dụng Trợ lý Đề án 06 vào nhóm (team) của Tổ công tác trước.',
  'teams.group_failed':
    'Chưa đăng được bản tổng hợp lên kênh Teams của Tổ công tác ({reason}). Vui lòng thử lại sau.',
  'teams.error':
    'Xin lỗi, trợ lý gặp sự cố khi xử lý yêu cầu của anh/chị. Vui lòng thử lại sau ít phút; nếu vẫn gặp lỗi, xin báo quản trị viên.',
  'teams.card_expired': 'Thẻ này không còn dùng được. Gõ "báo cáo" để mở biểu mẫu mới.',
  'teams.evidence.task_needed':
    'Để gửi tệp minh chứng, anh/chị gửi kèm mã nhiệm vụ trong tin nhắn (ví dụ: "minh chứng 22"), sau khi đã báo cáo nhiệm vụ đó.',
  'teams.fallback': 'Trợ lý Đề án 06 gửi một thẻ thông tin; vui lòng cập nhật Microsoft Teams để xem.',

  // Export ("xuất báo cáo") and scoreboard ("xếp hạng") --------------------------------------------
  'teams.file.chart_title': 'Biểu đồ tiến độ (bản thu nhỏ; bản đầy đủ có trong tệp báo cáo)',
  'teams.file.chart_missing': 'Biểu đồ quá lớn để hiển thị trong thẻ; xem biểu đồ trong tệp báo cáo.',
  'teams.file.consent_below':
    'Bấm "Cho phép" trên thẻ bên dưới để trợ lý lưu tệp {file} vào OneDrive của anh/chị và gửi tại đây.',
  'teams.file.consent_description': '{caption} Kích thước: {size}.',
  'teams.file.sent_personal':
    'Tệp {file} được gửi trong cuộc trò chuyện riêng của anh/chị với trợ lý (Teams không cho phép gửi tệp của trợ lý trong kênh).',
  'teams.file.personal_unknown':
    'Teams không cho phép trợ lý gửi tệp trong kênh, và trợ lý chưa có cuộc trò chuyện riêng với anh/chị. Vui lòng mở trò chuyện riêng với trợ lý và gõ "xuất" (ví dụ "xuất 2024-06") tại đó.',
  'teams.file.personal_failed':
    'Chưa gửi được tệp {file} vào cuộc trò chuyện riêng ({reason}). Vui lòng gõ "xuất" trong trò chuyện riêng với trợ lý.',
  'teams.file.uploaded': 'Đã lưu tệp {file} vào OneDrive của anh/chị.',
  'teams.file.declined':
    'Anh/chị đã từ chối nhận tệp {file}; tệp chưa được gửi. Gõ lại lệnh để xuất lại khi cần.',
  'teams.file.expired': 'Tệp này không còn sẵn sàng. Vui lòng gõ lại lệnh "xuất".',
  'teams.file.upload_failed':
    'Chưa tải được tệp {file} lên OneDrive ({reason}). Vui lòng thử lại sau; nếu vẫn gặp lỗi, xin báo quản trị viên.',

  // Start-up ---------------------------------------------------------------------------------------
  'teams.startup.unauthenticated':
    '⚠ CẢNH BÁO: kênh Microsoft Teams đang chạy KHÔNG XÁC THỰC (TEAMS_ALLOW_UNAUTHENTICATED=true). Bất kỳ ai gọi được {path} đều có thể giả danh thành viên và gửi báo cáo. Chỉ dùng khi phát triển trên máy cá nhân; môi trường thật phải đặt MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId.',
} as const;

export type TeamsMessageKey = keyof typeof teamsVi;
