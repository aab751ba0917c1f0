/**
 * Vietnamese messages of the scheduler (src/scheduler): answers to `/da06 meeting set|move|cancel`,
 * `/da06 leave`, `/da06 remind now`, and the notes it writes on meetings and reminders. The English
 * catalog (scheduler.en.ts) must have exactly these keys. All keys start with `scheduler.` so they
 * never collide with messages.vi.ts.
 */
export const schedulerVi = {
  // Meeting rule and occurrences ---------------------------------------------------------------------
  'scheduler.meeting.rule_saved': 'Đã đặt lịch giao ban: {rule}. Cuộc họp tiếp theo: {when}.',
  'scheduler.meeting.rule_saved_none': 'Đã đặt lịch giao ban: {rule}.',
  'scheduler.meeting.rule_invalid':
    'Chưa hiểu lịch giao ban "{text}". Ví dụ: /da06 meeting set ngày 25 09:00; tại Phòng họp số 1; nội dung: Kiểm điểm tiến độ tháng — hoặc "thứ Hai tuần đầu tiên 14:00", "thứ Sáu tuần cuối cùng 14:00".',
  'scheduler.meeting.time_invalid':
    'Giờ họp không hợp lệ trong "{text}": viết theo dạng 14:00, 14h hoặc 14h30.',
  'scheduler.meeting.occurrence_invalid':
    'Chưa hiểu cuộc họp tháng nào: "{text}". Ghi tháng của cuộc họp, ví dụ 2024-06 hoặc 06/2024.',
  'scheduler.meeting.when_invalid':
    'Chưa hiểu thời gian mới "{text}". Ví dụ: /da06 meeting move 2024-06 27/06/2024 14:00 (giờ có thể bỏ qua để giữ giờ cũ).',
  'scheduler.meeting.not_found': 'Không có cuộc họp giao ban {period} để thay đổi.',
  'scheduler.meeting.in_past': 'Không thể dời cuộc họp về thời điểm đã qua ({when}).',
  'scheduler.meeting.already_held': 'Cuộc họp giao ban {period} đã diễn ra, không thể thay đổi.',
  'scheduler.meeting.moved':
    'Đã dời cuộc họp giao ban {period} sang {when}. Thành viên sẽ được nhắc theo lịch mới.',
  'scheduler.meeting.moved_off_day':
    'Đã dời cuộc họp giao ban {period} sang {when}. Lưu ý: ngày này là ngày nghỉ ({reason}).',
  'scheduler.meeting.cancelled':
    'Đã hủy cuộc họp giao ban {period}. Nhắc lịch họp và đợt báo cáo của cuộc họp này sẽ không được gửi.',
  'scheduler.meeting.usage':
    'Cách dùng: /da06 meeting set <lịch> (ví dụ: ngày 25 09:00; tại Phòng họp A) · /da06 meeting move <tháng> <ngày> [giờ] [lý do] · /da06 meeting cancel <tháng> [lý do]. Chỉ Tổ trưởng, Tổ phó và quản trị viên.',
  'scheduler.meeting.restored': 'Đã khôi phục cuộc họp giao ban {period} vào {when}.',

  // Notes on meetings (Meeting.note) and reminders ----------------------------------------------------
  'scheduler.note.moved': 'Ngày {from} là ngày nghỉ ({reason}) nên chuyển sang ngày {to}.',
  'scheduler.note.reminder_moved': 'Ngày {from} là ngày nghỉ ({reason}) nên gửi sớm hơn, vào ngày {to}.',
  'scheduler.note.chair_moved': 'Tổ trưởng dời lịch họp: {reason}',
  'scheduler.note.chair_moved_plain': 'Tổ trưởng dời lịch họp.',
  'scheduler.note.cancelled': 'Cuộc họp đã bị hủy: {reason}',
  'scheduler.note.cancelled_plain': 'Cuộc họp đã bị hủy.',
  'scheduler.reason.saturday': 'thứ Bảy',
  'scheduler.reason.sunday': 'Chủ nhật',
  'scheduler.reason.extra': 'ngày nghỉ của cơ quan',

  // People the chair hears about -----------------------------------------------------------------------
  'scheduler.people.on_leave': 'đang nghỉ phép đến hết ngày {until}',
  'scheduler.people.no_account': 'chưa liên kết tài khoản trên kênh nào trợ lý đang dùng',
  'scheduler.people.inactive': 'không còn là thành viên hoạt động',

  // Leave ------------------------------------------------------------------------------------------------
  'scheduler.leave.saved':
    'Đã ghi nhận {name} nghỉ phép từ ngày {startsOn} đến hết ngày {endsOn}. Trong thời gian này trợ lý nhắc các thành viên khác của đơn vị.',
  'scheduler.leave.cleared': 'Đã xóa lịch nghỉ phép của {name}.',
  'scheduler.leave.invalid_dates':
    'Ngày nghỉ phép không hợp lệ: cần ngày bắt đầu và ngày kết thúc (dạng YYYY-MM-DD hoặc DD/MM/YYYY), ngày kết thúc không trước ngày bắt đầu và chưa qua.',
  'scheduler.leave.usage':
    'Cách dùng: /da06 leave <từ ngày> <đến ngày> (ví dụ: /da06 leave 03/06/2024 05/06/2024) · /da06 leave clear để xóa. Quản trị viên thêm tên thành viên phía trước.',
  'scheduler.leave.unknown_member': 'Không tìm thấy thành viên "{name}".',
  'scheduler.leave.self_only':
    'Anh/chị chỉ có thể đặt lịch nghỉ phép cho chính mình; quản trị viên có thể đặt cho người khác.',

  // Remind now ---------------------------------------------------------------------------------------------
  'scheduler.remind.done':
    'Đã chạy các việc nhắc nhở đến hạn: {planned} tin nhắn mới được lập, {sent} tin đã gửi, {pending} tin đang chờ gửi lại.',
  'scheduler.remind.unavailable':
    'Bộ lập lịch không chạy trong tiến trình này (SCHEDULER_ENABLED=false), nên chưa thể gửi nhắc nhở ngay.',

  // Meeting invitations (iCalendar) ---------------------------------------------------------------------
  'scheduler.ics.summary': 'Họp giao ban Tổ công tác Đề án 06 — {period}',
  'scheduler.ics.caption':
    'Thư mời họp giao ban {period}: {when}{place}. Mở tệp .ics để thêm vào lịch (Outlook, Google Calendar).',
  'scheduler.ics.caption_cancelled': 'Cuộc họp giao ban {period} đã hủy. Mở tệp .ics để xóa khỏi lịch.',
  'scheduler.ics.place': ', tại {place}',
  'scheduler.ics.alt': 'Thư mời họp (iCalendar)',
  'scheduler.ics.none': 'Chưa có cuộc họp giao ban nào sắp tới để gửi thư mời.',
  'scheduler.ics.usage':
    'Cách dùng: /da06 meeting ics [tháng, ví dụ 2024-06]: thư mời họp giao ban dạng .ics.',
} as const;

export type SchedulerMessageKey = keyof typeof schedulerVi;
