/**
 * Vietnamese messages, the default locale and the source of `MessageKey`: the English catalog must
 * have exactly these keys. Placeholders are `{name}`; the wording never depends on a number's
 * plural form. Commands written here use the chat form `/da06 …`; `da06 …` without the slash is the
 * server's command line.
 */
export const vi = {
  // Labels ---------------------------------------------------------------------------------------
  'status.not_started': 'Chưa triển khai',
  'status.in_progress': 'Đang triển khai',
  'status.done': 'Đã hoàn thành',
  'status.blocked': 'Vướng mắc',
  'standing.not_reported': 'Chưa báo cáo',
  'role.member': 'Thành viên',
  'role.vice-chair': 'Tổ phó',
  'role.chair': 'Tổ trưởng',
  'role.admin': 'Quản trị',
  'task.role.lead': 'chủ trì',
  'task.role.coordinating': 'phối hợp',
  'field.status': 'Tình trạng',
  'field.percent': 'Tỷ lệ hoàn thành',
  'field.done': 'Kết quả thực hiện',
  'field.blockers': 'Vướng mắc, kiến nghị',
  'field.evidenceUrl': 'Minh chứng',

  // Periods and deadlines ------------------------------------------------------------------------
  'period.month': 'tháng {month}/{year}',
  'period.half1': '6 tháng đầu năm {year}',
  'period.half2': '6 tháng cuối năm {year}',
  'period.year': 'năm {year}',
  'period.invalid':
    'Không đọc được kỳ báo cáo "{text}". Vui lòng viết theo một trong các dạng: 2024-06, 06/2024, tháng 6/2024 (theo tháng); 2024-H1 (6 tháng đầu năm); 2024 (cả năm).',
  'period.before_plan': 'Kỳ {period} diễn ra trước khi kế hoạch bắt đầu; kỳ báo cáo đầu tiên là {first}.',
  'deadline.label': '{text} ({detail})',
  'deadline.missing': 'Không ghi thời hạn',
  // Kinds of deadline, as the CLI's plan list shows them (issue 17, item 7)
  'deadline.kind.date': 'ngày cụ thể',
  'deadline.kind.month': 'tháng',
  'deadline.kind.quarter': 'quý',
  'deadline.kind.year': 'năm',
  'deadline.kind.range': 'khoảng thời gian',
  'deadline.kind.recurring_annual': 'hằng năm',
  'deadline.kind.recurring_annual_from': 'hằng năm, từ một năm',
  'deadline.kind.ongoing': 'thường xuyên',
  'deadline.kind.conditional': 'tùy điều kiện',
  'deadline.kind.unknown': 'chưa xác định',
  'deadline.due': 'hạn {date}',
  'deadline.due_left': 'hạn {date}, còn {days} ngày',
  'deadline.due_today': 'hạn {date}, đến hạn hôm nay',
  'deadline.due_overdue': 'hạn {date}, quá hạn {days} ngày',
  'deadline.no_end': 'không có hạn cuối',
  'deadline.conditional': 'tùy điều kiện, chưa có ngày cụ thể',
  'deadline.unknown': 'chưa xác định được ngày cụ thể',

  // Validation of a report ------------------------------------------------------------------------
  'report.error.status_invalid':
    'Tình trạng không hợp lệ. Vui lòng chọn một trong: Chưa triển khai, Đang triển khai, Đã hoàn thành, Vướng mắc.',
  'report.error.percent_invalid': 'Tỷ lệ hoàn thành phải là một số nguyên, ví dụ 60.',
  'report.error.percent_range': 'Tỷ lệ hoàn thành phải từ 0 đến 100.',
  'report.error.done_required': 'Vui lòng nêu kết quả đã thực hiện trong kỳ.',
  'report.error.control_chars':
    'Nội dung có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL hoặc mã điều khiển màn hình); hãy gõ lại hoặc dán dưới dạng văn bản thuần.',
  'report.error.too_long': 'Nội dung quá dài: tối đa {max} ký tự.',
  'report.error.url_invalid':
    'Đường dẫn minh chứng không hợp lệ; cần là một địa chỉ đầy đủ, bắt đầu bằng http:// hoặc https://.',
  'report.error.done_needs_100': 'Nhiệm vụ ở tình trạng Đã hoàn thành thì tỷ lệ hoàn thành phải là 100%.',
  'report.error.not_started_needs_0':
    'Nhiệm vụ ở tình trạng Chưa triển khai thì tỷ lệ hoàn thành phải là 0%.',
  'report.error.blocked_needs_reason':
    'Tình trạng Vướng mắc cần nêu rõ nội dung vướng mắc, kiến nghị để Tổ công tác kịp thời xử lý.',

  // Refusals ---------------------------------------------------------------------------------------
  'auth.unregistered':
    'Bạn chưa có trong danh sách thành viên Tổ công tác (tài khoản {platform}: {externalId}), nên trợ lý chưa thể nhận yêu cầu của bạn. Vui lòng nhờ quản trị viên ({admins}) thêm bạn bằng lệnh: {linkHint}',
  'auth.inactive':
    'Tài khoản thành viên của bạn đã ngừng hoạt động. Nếu bạn vẫn tham gia Tổ công tác, vui lòng liên hệ quản trị viên để được kích hoạt lại.',
  'auth.not_your_task':
    'Nhiệm vụ {code} không giao cho đơn vị {unit} (chủ trì hoặc phối hợp), nên bạn không báo cáo được nhiệm vụ này. Gõ /da06 tasks để xem các nhiệm vụ của đơn vị mình.',
  'auth.admin_only':
    'Lệnh này chỉ dành cho quản trị viên, vì nó thay đổi kế hoạch, danh mục đơn vị hoặc danh sách thành viên. Nếu cần điều chỉnh, vui lòng liên hệ quản trị viên.',
  'auth.chair_only':
    'Việc này chỉ dành cho Tổ trưởng, Tổ phó và quản trị viên, vì nó liên quan đến toàn Tổ công tác. Bạn vẫn có thể xem tiến độ của đơn vị mình bằng lệnh /da06 summary.',

  // Reports ----------------------------------------------------------------------------------------
  'report.unknown_task':
    'Không tìm thấy nhiệm vụ có mã "{code}". Gõ /da06 tasks để xem mã các nhiệm vụ của đơn vị bạn.',
  'report.period_closed':
    'Kỳ báo cáo {period} đã khóa sổ từ ngày {closedOn}, nên không nhận thêm hoặc sửa báo cáo của kỳ này. Vui lòng báo cáo trong kỳ hiện tại; nếu cần điều chỉnh số liệu cũ, xin liên hệ Tổ trưởng.',
  'report.period_not_started':
    'Kỳ báo cáo {period} chưa bắt đầu, nên chưa nhận báo cáo. Vui lòng báo cáo cho kỳ hiện tại.',
  'report.saved': 'Đã ghi nhận báo cáo nhiệm vụ {code} kỳ {period}: {status}, {percent}%.',
  'report.updated':
    'Đã cập nhật báo cáo nhiệm vụ {code} kỳ {period} (phiên bản {revision}): {status}, {percent}%.',
  'report.late_note':
    'Lưu ý: báo cáo được gửi sau khi kỳ báo cáo đã kết thúc nên được ghi nhận là báo cáo muộn.',
  'report.no_tasks':
    'Đơn vị {unit} chưa được giao nhiệm vụ nào (chủ trì hoặc phối hợp) trong kế hoạch, nên chưa có nội dung cần báo cáo. Nếu thấy chưa đúng, vui lòng liên hệ quản trị viên.',
  'report.form.title': 'Báo cáo nhiệm vụ {code} — kỳ {period}',
  'report.form.pick': 'Chọn nhiệm vụ cần báo cáo (kỳ {period}):',
  'report.form.new': 'Đơn vị chưa báo cáo nhiệm vụ này trong kỳ; đây là báo cáo mới.',
  'report.form.current': 'Báo cáo hiện có của đơn vị (cập nhật {date}, người báo cáo: {member}):',
  'report.form.errors': 'Vui lòng sửa các mục sau:',
  'report.form.empty_value': '(để trống)',
  'report.quick_done_text': 'Đơn vị báo cáo đã hoàn thành nhiệm vụ.',
  'snooze.saved':
    'Đã ghi nhận đề nghị nhắc lại nhiệm vụ {code} vào ngày {until}; Tổ trưởng sẽ được thông tin về đề nghị này.',
  'snooze.reason_too_long': 'Lý do quá dài: tối đa {max} ký tự.',
  'snooze.invalid_date':
    'Ngày nhắc lại không hợp lệ: cần là một ngày sau hôm nay (dạng YYYY-MM-DD), muộn nhất là {max}.',

  // Tasks ------------------------------------------------------------------------------------------
  'tasks.title': 'Nhiệm vụ của {unit} — kỳ báo cáo {period}',
  'tasks.subtitle': 'Ngày {date} · {count} nhiệm vụ · {missing} nhiệm vụ chưa báo cáo kỳ này',
  'tasks.role': 'Vai trò của đơn vị: {role}',
  'tasks.lead_units': 'Đơn vị chủ trì: {units}',
  'tasks.deadline': 'Thời hạn: {deadline}',
  'tasks.product': 'Sản phẩm: {product}',
  'tasks.latest': 'Báo cáo gần nhất ({period}): {status}, {percent}% — {member}, {date}',
  'tasks.latest_late': '(báo cáo muộn)',
  'tasks.no_report': 'Chưa có báo cáo',
  'tasks.not_reported_mark': 'Chưa báo cáo kỳ {period}',
  'tasks.footer': 'Báo cáo: /da06 report <mã nhiệm vụ>',
  'tasks.none': 'Đơn vị bạn hiện không có nhiệm vụ nào trong kế hoạch.',

  // Summaries --------------------------------------------------------------------------------------
  'summary.title': 'Tổng hợp tiến độ {period} — {scope}',
  'summary.scope_group': 'toàn Tổ công tác',
  'summary.scope_unit': 'đơn vị {unit}',
  'summary.as_of': 'Số liệu đến ngày {date} · {count} nhiệm vụ',
  'summary.empty': 'Không có nhiệm vụ nào trong phạm vi tổng hợp của kỳ này.',
  'summary.totals': 'Tình hình chung',
  'summary.late_reports': 'Báo cáo gửi muộn: {count}',
  'summary.by_unit': 'Theo đơn vị',
  'summary.col.unit': 'Đơn vị',
  'summary.col.name': 'Tên đơn vị',
  'summary.col.lead': 'Chủ trì',
  'summary.col.reported': 'Đã BC',
  'summary.col.done': 'Hoàn thành',
  'summary.col.in_progress': 'Đang TK',
  'summary.col.blocked': 'Vướng mắc',
  'summary.col.not_started': 'Chưa TK',
  'summary.col.overdue': 'Quá hạn',
  'summary.units_legend': 'Chủ trì: số nhiệm vụ đơn vị chủ trì; Đã BC: đã báo cáo kỳ này; TK: triển khai.',
  'summary.overdue': 'Nhiệm vụ quá hạn ({count})',
  'summary.overdue_none': 'Không có nhiệm vụ nào quá hạn.',
  'summary.blockers': 'Vướng mắc, kiến nghị ({count})',
  'summary.blockers_none': 'Không có vướng mắc, kiến nghị nào.',
  'summary.blocker_more': '… (xem đầy đủ: /da06 report {code})',
  'summary.not_reported': 'Đơn vị chưa báo cáo ({count})',
  'summary.not_reported_none': 'Tất cả đơn vị đã báo cáo.',
  'summary.change': 'So với kỳ trước ({period})',
  'summary.newly_done': 'Mới hoàn thành trong kỳ ({count}):',
  'summary.more_units': '… và {count} đơn vị khác',
  // The terminal's per-unit table, local offices folded (issue 17, item 7)
  'summary.local_folded': 'BHXH tỉnh, khu vực {label}: {count} đơn vị ({codes})',
  'summary.local.overdue': 'có nhiệm vụ quá hạn',
  'summary.local.blocked': 'có vướng mắc',
  'summary.local.missing': 'chưa báo cáo đủ',
  'summary.local.ok': 'đã báo cáo đủ',
  'summary.all_units_hint': 'Xem từng đơn vị: /da06 summary --all-units (hoặc: tổng hợp tất cả).',
  'summary.more_tasks': '… và {count} nhiệm vụ khác',
  'summary.unresolved': 'Nhiệm vụ có tên đơn vị chưa xác định ({count})',
  'summary.unresolved_lead': 'chủ trì "{name}"',
  'summary.unresolved_coordinating': 'phối hợp "{name}"',
  'summary.unresolved_mark': '"{name}" (chưa rõ)',
  'summary.unresolved_hint':
    'Các tên này chưa gắn với đơn vị nào trong danh mục nên chưa ai được nhắc. Quản trị viên gắn tên bằng lệnh: da06 units alias "TÊN" MÃ',

  // Overdue ----------------------------------------------------------------------------------------
  'overdue.title': 'Nhiệm vụ quá hạn tính đến ngày {date}',
  'overdue.none': 'Không có nhiệm vụ nào quá hạn.',
  'overdue.days': 'quá hạn {days} ngày (hạn {date})',
  'overdue.lead_units': 'chủ trì: {units}',

  // Meetings ---------------------------------------------------------------------------------------
  'meeting.title': 'Lịch giao ban Tổ công tác',
  'meeting.when': 'Thời gian: {when}',
  'meeting.place': 'Địa điểm: {place}',
  'meeting.agenda': 'Nội dung: {agenda}',
  'meeting.note': 'Ghi chú: {note}',
  'meeting.none_scheduled': 'Chưa có lịch giao ban tiếp theo. Tổ công tác sẽ thông báo ngay khi có lịch.',

  // Reminders from the scheduler ------------------------------------------------------------------
  'reminder.meeting.title': 'Nhắc lịch giao ban Tổ công tác',
  'reminder.meeting.intro': 'Trân trọng nhắc anh/chị lịch giao ban sắp tới:',
  'reminder.round_open.title': 'Mở đợt báo cáo tiến độ {period}',
  'reminder.round_open.intro':
    'Đề nghị đơn vị cập nhật tiến độ các nhiệm vụ dưới đây để tổng hợp trước cuộc họp giao ban.',
  'reminder.round_reminder.title': 'Nhắc báo cáo tiến độ {period}',
  'reminder.round_reminder.intro': 'Các nhiệm vụ dưới đây chưa có báo cáo của đơn vị. Đề nghị cập nhật sớm.',
  'reminder.overdue_nudge.title': 'Nhiệm vụ đã quá hạn',
  'reminder.overdue_nudge.intro':
    'Các nhiệm vụ dưới đây đã quá thời hạn hoàn thành. Đề nghị đơn vị cập nhật tiến độ, hoặc nêu vướng mắc để Tổ công tác hỗ trợ.',
  'reminder.overdue_escalation.title': 'Báo cáo Tổ trưởng: nhiệm vụ quá hạn kéo dài',
  'reminder.overdue_escalation.intro':
    'Các nhiệm vụ dưới đây đã quá hạn nhiều ngày mà đơn vị chủ trì chưa báo cáo hoàn thành.',
  'reminder.overdue_digest.title': 'Tổng hợp nhiệm vụ quá hạn',
  'reminder.overdue_digest.intro': 'Các nhiệm vụ của Tổ công tác đang quá hạn:',
  'reminder.unreachable_unit.title': 'Đơn vị chưa nhận được nhắc nhở',
  'reminder.unreachable_unit.intro':
    'Trợ lý chưa gửi được nhắc nhở tới các đơn vị dưới đây vì chưa có thành viên nào liên lạc được. Đề nghị bổ sung hoặc liên kết tài khoản thành viên cho đơn vị.',
  'reminder.undeliverable.title': 'Không gửi được tin nhắn',
  'reminder.undeliverable.intro': 'Trợ lý không gửi được tin nhắn tới các thành viên dưới đây:',
  'reminder.snoozed': 'Đơn vị đề nghị nhắc lại vào ngày {until}',
  'reminder.snoozed_reason': 'Đơn vị đề nghị nhắc lại vào ngày {until}, lý do: {reason}',
  'reminder.units': 'Đơn vị liên quan:',
  'reminder.people': 'Thành viên liên quan:',

  // Help -------------------------------------------------------------------------------------------
  'help.title': 'Các lệnh của trợ lý Đề án 06',
  'help.viewer': 'Bạn đang dùng với tư cách: {name} ({unit}, {role})',
  'help.cmd.tasks': '/da06 tasks — Xem nhiệm vụ của đơn vị, thời hạn và tình hình báo cáo.',
  'help.cmd.report': '/da06 report [mã nhiệm vụ] — Báo cáo tiến độ một nhiệm vụ trong kỳ hiện tại.',
  'help.cmd.summary': '/da06 summary [kỳ] — Tổng hợp tiến độ, ví dụ: /da06 summary 2024-06.',
  'help.cmd.overdue': '/da06 overdue — Danh sách nhiệm vụ đã quá hạn.',
  'help.cmd.meeting': '/da06 meeting — Lịch giao ban tiếp theo.',
  'help.cmd.help': '/da06 help — Xem hướng dẫn này.',
  'help.cmd.leave':
    '/da06 leave <từ ngày> <đến ngày> — Báo nghỉ phép: trong thời gian này trợ lý nhắc người khác của đơn vị.',
  'help.chair_title': 'Dành cho Tổ trưởng, Tổ phó:',
  'help.aliases': 'còn gõ được: {aliases}',
  'help.cmd.meeting_set':
    '/da06 meeting set <quy tắc> — Đặt lịch giao ban hằng tháng, ví dụ: ngày 25 09:00 hoặc thứ Hai tuần đầu tiên 14:00; meeting move|cancel để dời hoặc hủy một cuộc họp.',
  'help.cmd.export': '/da06 export [kỳ] [docx|xlsx|csv] — Xuất dự thảo báo cáo định kỳ (kèm biểu đồ).',
  'help.cmd.scoreboard':
    '/da06 scoreboard [kỳ] — Bảng xếp hạng thi đua của các đơn vị, kèm quy tắc xếp hạng.',
  'help.cmd.remind': '/da06 remind now — Gửi ngay các nhắc nhở đến hạn.',
  'help.cmd.as': '/da06 as <họ tên> — Chuyển sang dùng với tư cách thành viên khác (chỉ trên terminal).',
  'help.admin_title': 'Quản lý thành viên (chỉ dành cho quản trị viên):',
  'help.cmd.members_add':
    '/da06 members add --name "Họ tên" --unit MÃ_ĐƠN_VỊ [--role member|vice-chair|chair|admin] [--slack …|--teams …|--terminal …] — Thêm thành viên.',
  'help.cmd.members_link':
    '/da06 members link <họ tên|mã số> --slack …|--teams …|--terminal … — Liên kết thành viên với một tài khoản.',
  'help.cmd.members_role':
    '/da06 members role <họ tên|mã số> member|vice-chair|chair|admin — Đổi vai trò thành viên.',
  'help.cmd.members_deactivate':
    '/da06 members deactivate <họ tên|mã số> — Ngừng một thành viên (giữ nguyên lịch sử báo cáo).',
  'help.cmd.units': '/da06 units [ngày] — Danh mục đơn vị như vào một ngày (mặc định hôm nay).',
  'units.directory':
    'Danh mục đơn vị ngày {date}: {count} đơn vị ({central} đơn vị trung ương, {regional} BHXH khu vực, {provincial} BHXH tỉnh, thành phố).\n{list}',
  'units.bad_date': 'Không hiểu ngày "{text}". Ví dụ: /da06 units 2025-04-01 hoặc /da06 units 01/04/2025',
  'help.cmd.members_list': '/da06 members list — Danh sách thành viên.',

  // Members ----------------------------------------------------------------------------------------
  'members.title': 'Thành viên Tổ công tác ({count})',
  'members.none': 'Chưa có thành viên nào.',
  'members.col.id': 'Mã số',
  'members.col.name': 'Họ tên',
  'members.col.unit': 'Đơn vị',
  'members.col.role': 'Vai trò',
  'members.col.accounts': 'Tài khoản',
  'members.inactive': 'đã ngừng',
  'members.added': 'Đã thêm {name} ({unit}, {role}) vào Tổ công tác.',
  'members.linked': 'Đã liên kết {name} với tài khoản {account}.',
  'members.role_changed': 'Đã đổi vai trò của {name} thành {role}.',
  'members.reactivated': 'Đã kích hoạt lại thành viên {name}.',
  'members.deactivated': 'Đã ngừng thành viên {name}; lịch sử báo cáo vẫn được giữ nguyên.',
  'members.usage':
    'Lệnh chưa đúng cú pháp. Cách dùng:\n/da06 members list\n/da06 members add --name "Họ tên" --unit MÃ_ĐƠN_VỊ [--role member|vice-chair|chair|admin] [--slack …|--teams …|--terminal …] [--email …] [--locale vi|en]\n/da06 members link <họ tên|mã số> --slack …|--teams …|--terminal …\n/da06 members role <họ tên|mã số> member|vice-chair|chair|admin\n/da06 members deactivate <họ tên|mã số>\n/da06 members reactivate <họ tên|mã số>',
  'members.error.member_not_found':
    'Không tìm thấy thành viên "{detail}". Xem danh sách bằng lệnh /da06 members list.',
  'members.error.member_ambiguous':
    'Có nhiều thành viên khớp với "{detail}". Vui lòng ghi đầy đủ họ tên hoặc dùng mã số thành viên (xem /da06 members list).',
  'members.error.duplicate_name':
    'Đã có thành viên tên "{detail}". Nếu là người khác, hãy thêm chi tiết để phân biệt (ví dụ tên đơn vị trong ngoặc); nếu là người đã ngừng, dùng /da06 members reactivate.',
  'members.error.unknown_unit':
    'Không có đơn vị mang mã đã nhập. Xem danh mục đơn vị bằng lệnh da06 units list trên máy chủ.',
  'members.error.identity_taken':
    'Tài khoản này đã được liên kết với một thành viên khác. Xem /da06 members list để kiểm tra.',

  // Commands and the terminal ------------------------------------------------------------------------
  'command.unknown': 'Không có lệnh "{command}". Gõ /da06 help để xem danh sách lệnh.',
  'command.unknown_suggest': 'Không có lệnh "{command}". Có phải bạn muốn: {suggestion}?',
  'terminal.welcome': 'Xin chào {name} ({unit}, {role})! Gõ /da06 help để xem các lệnh, gõ exit để thoát.',
  'terminal.switched': 'Đã chuyển sang thành viên {name} ({unit}, {role}).',
  'terminal.member_not_found': 'Không tìm thấy thành viên "{name}". Có thể chọn: {choices}.',
  'terminal.error':
    'Xin lỗi, trợ lý gặp sự cố khi xử lý lệnh này. Anh/chị có thể gõ lệnh khác; nếu vẫn gặp lỗi, xin báo quản trị viên.',
  'terminal.bye': 'Tạm biệt, hẹn gặp lại!',
  'terminal.file_saved': 'Đã lưu tệp: {paths}',
  'terminal.to_member': '── Tin nhắn gửi {name} ──',
  'terminal.to_group': '── Tin nhắn gửi kênh chung của Tổ công tác ──',

  // The terminal report form -----------------------------------------------------------------------
  'form.prompt.task': 'Nhập mã nhiệm vụ cần báo cáo:',
  'form.prompt.status': 'Tình trạng thực hiện ({choices}), chọn từ 1 đến 4',
  'form.prompt.percent': 'Tỷ lệ hoàn thành (từ 0 đến 100%)',
  'form.prompt.done': 'Kết quả đã thực hiện trong kỳ',
  'form.prompt.blockers': 'Vướng mắc, kiến nghị (không bắt buộc)',
  'form.prompt.evidence': 'Đường dẫn minh chứng (không bắt buộc)',
  'form.prompt.keep': '(Enter: giữ nguyên "{value}"; -: xóa)',
  'form.confirm': 'Nhấn Enter (hoặc c) để gửi, gõ số của một mục để sửa, hoặc "hủy":',
  // The forgiving terminal form (issue 17, item 3)
  'form.intro':
    'Trả lời từng câu hỏi. Enter: giữ nguyên giá trị đang có; "-": xóa mục đó; "hủy" hoặc Ctrl-C: thoát, không lưu.',
  'form.review': 'Báo cáo kỳ {period} sẽ được gửi như sau:',
  'form.confirm_hint': 'Nhấn Enter để gửi, gõ số từ 1 đến {max} để sửa một mục, hoặc "hủy".',
  'form.task_hint':
    'Không có nhiệm vụ "{code}" trong danh sách của đơn vị. Gõ một mã trong: {codes} (hoặc "hủy").',
  'form.prompt.period': 'Báo cáo cho tháng nào? {choices} (Enter: {keep})',
  'form.period_hint': 'Gõ số từ 1 đến {max} để chọn tháng, hoặc Enter để giữ tháng đang chọn.',
  'form.clear_hint': 'Gõ nội dung mới, hoặc "-" để để trống mục này.',
  'form.prompt.evidence_files':
    'Tệp minh chứng trên máy này: đường dẫn, cách nhau bởi dấu ; (PDF, DOCX, XLSX, PNG, JPEG, tối đa 20 MB; nhấn Enter để bỏ qua)',
  'terminal.not_a_file': 'không phải một tệp',
  'form.invalid_choice': 'Lựa chọn không hợp lệ, vui lòng nhập lại.',
  'form.cancelled': 'Đã hủy; báo cáo chưa được lưu.',

  // Errors a person can fix (AppError codes, src/domain/errors.ts) -----------------------------------
  'error.internal':
    'Trợ lý gặp lỗi nội bộ nên chưa thực hiện được yêu cầu. Vui lòng thử lại sau ít phút; nếu vẫn lỗi, xin báo quản trị viên.',
  'error.unit.unknown': 'Không có đơn vị mã "{unit}". Xem danh sách: da06 units list',
  'error.unit.alias_taken': 'Tên gọi "{alias}" đã dùng cho đơn vị {owner}.',
  'error.member.identity_taken': 'Tài khoản "{account}" đã được liên kết với một thành viên khác.',
  'error.member.not_found':
    'Không tìm thấy thành viên "{member}". Xem danh sách bằng lệnh /da06 members list.',
  'error.member.ambiguous':
    'Có nhiều thành viên khớp với "{member}". Vui lòng ghi đầy đủ họ tên hoặc dùng mã số thành viên (xem /da06 members list).',
  'error.member.duplicate_name':
    'Đã có thành viên tên "{member}" (đơn vị {unit}). Nếu là người khác, hãy thêm chi tiết để phân biệt, ví dụ "{member} ({unit})"; nếu là người đã ngừng, dùng lệnh members reactivate.',
  'error.database.unavailable':
    'Không mở được cơ sở dữ liệu {target} sau {attempts} lần thử: {reason}\nKiểm tra DATABASE_URL và máy chủ cơ sở dữ liệu, rồi chạy lại.',
  'error.database.url_scheme':
    'DATABASE_URL có dạng "{scheme}:" không được hỗ trợ (dùng file:… cho SQLite hoặc postgresql://… cho PostgreSQL).',
  'error.unit.change_refused': 'Không thực hiện được thay đổi đơn vị: {reason}',
  'error.unit_directory.duplicate_code': 'Danh mục đơn vị: mã "{code}" bị trùng.',
  'error.unit_directory.alias_clash':
    'Danh mục đơn vị: tên gọi "{alias}" dùng cho cả hai đơn vị "{first}" và "{second}".',
  'error.unit_directory.missing_column': 'Danh mục đơn vị: thiếu cột "{column}" ở dòng tiêu đề.',
  'error.unit_directory.missing_code_or_name': 'Danh mục đơn vị, dòng {line}: thiếu mã hoặc tên đơn vị.',
  'error.unit_directory.bad_kind':
    'Danh mục đơn vị, dòng {line}: loại "{kind}" không hợp lệ (chỉ nhận central, provincial, group).',

  // Evidence files (tệp minh chứng) --------------------------------------------------------------------
  'error.evidence.too_large': 'Tệp "{name}" lớn hơn {limitMb} MB nên không được nhận. Báo cáo vẫn được lưu.',
  'error.evidence.type_refused':
    'Tệp "{name}" không phải PDF, DOCX, XLSX, PNG hay JPEG (kiểm tra theo nội dung tệp, không chỉ phần đuôi) nên không được nhận. Báo cáo vẫn được lưu.',
  'error.evidence.name_refused':
    'Tên tệp "{name}" không hợp lệ (không được chứa đường dẫn như "../" hay "/"). Báo cáo vẫn được lưu.',
  'error.evidence.store_unavailable':
    'Kho lưu tệp minh chứng đang không phản hồi nên chưa nhận được tệp "{name}" ({reason}). Báo cáo đã được lưu, chưa kèm tệp này; anh/chị vui lòng gửi lại tệp sau ít phút.',
  'error.evidence.unreadable': 'Không đọc được tệp "{name}" ({reason}). Báo cáo vẫn được lưu.',
  'error.evidence.no_report': 'Nhiệm vụ {task} chưa có báo cáo của đơn vị để kèm tệp minh chứng.',
  'evidence.saved': 'Đã lưu {count} tệp minh chứng: {names}.',
  'evidence.heading': 'Tệp minh chứng',
  'evidence.line': '{name} ({size}, SHA-256 {hash}…), {who} gửi lúc {when}',
  'evidence.list': 'Tệp minh chứng{scope}:\n{lines}',
  'evidence.list_scope': ' của nhiệm vụ {task}',
  'evidence.task_line': '• Nhiệm vụ {task} — {unit}, {period} (báo cáo lần {revision}): {file}',
  'evidence.none': 'Chưa có tệp minh chứng nào{scope}.',
  'help.cmd.evidence':
    '/da06 evidence [nhiệm vụ] — Tệp minh chứng kèm báo cáo (đính kèm trong mẫu báo cáo); /da06 meeting ics — thư mời họp giao ban (.ics).',
  // Four deadline buckets (issue 19, src/domain/deadline-buckets.ts) ----------------------------
  'buckets.title': 'Tiến độ theo thời hạn',
  'buckets.in_period': 'Hạn trong kỳ',
  'buckets.cumulative': 'Lũy kế từ đầu kế hoạch',
  'buckets.done_on_time': 'Đã hoàn thành đúng hạn',
  'buckets.done_late': 'Hoàn thành quá hạn',
  'buckets.open_in_time': 'Chưa hoàn thành, trong hạn',
  'buckets.open_overdue': 'Chưa hoàn thành, quá hạn',
  'buckets.short.done_on_time': 'Đúng hạn',
  'buckets.short.done_late': 'HT quá hạn',
  'buckets.short.open_in_time': 'Trong hạn',
  'buckets.short.open_overdue': 'Quá hạn',
  'buckets.by_unit': 'Theo đơn vị (lũy kế)',
  'buckets.undated': '{count} nhiệm vụ không tính hạn (thường xuyên, có điều kiện, chưa rõ hạn).',
  'buckets.legend':
    'Đếm theo từng hạn: nhiệm vụ hằng năm mỗi năm một hạn; đúng hạn khi mọi đơn vị chủ trì báo cáo hoàn thành trước hoặc trong ngày cuối của hạn.',
  'reports.buckets.title': 'Tiến độ thực hiện nhiệm vụ theo thời hạn (lũy kế đến ngày {date})',
  'reports.buckets.total': 'Tổng số',
  'reports.buckets.sheet': 'Theo thời hạn',
  // The reminder letter (issue 19, src/app/use-cases/reminder-letter.ts)
  'letter.nothing_overdue':
    'Đơn vị {unit} không có nhiệm vụ chủ trì nào quá hạn tính đến ngày {date}: không soạn công văn đôn đốc.',
  'letter.nothing_overdue_all':
    'Không đơn vị nào có nhiệm vụ chủ trì quá hạn tính đến ngày {date}: không soạn công văn đôn đốc.',
  'letter.caption':
    'Dự thảo công văn đôn đốc gửi {count} đơn vị ({units}), tính đến ngày {date}. Số, ký hiệu để trống cho Văn thư.',
  'letter.offer': 'Soạn công văn đôn đốc gửi đơn vị: /da06 letter {units} (hoặc /da06 letter all).',
  // The nudge ladder (issue 19, src/scheduler/jobs/overdue-nudge.ts)
  'nudge.changes': 'So với lần nhắc trước ({date}): {details}.',
  'nudge.changes.new': 'mới quá hạn: {codes}',
  'nudge.changes.done': 'đã báo cáo hoàn thành: {codes}',
  'nudge.changes.none':
    'So với lần nhắc trước ({date}): chưa có thay đổi, các nhiệm vụ dưới đây vẫn quá hạn.',
  'help.cmd.letter':
    '/da06 letter [đơn vị|all] [kỳ] — Soạn dự thảo công văn đôn đốc (DOCX) gửi đơn vị có nhiệm vụ quá hạn.',
  // Web dashboard (issue 18) --------------------------------------------------------------------------
  'web.link':
    'Liên kết đăng nhập bảng điều khiển của bạn (chỉ dùng một lần, hết hạn sau {minutes} phút, không chia sẻ cho người khác): {url}',
  'web.not_your_unit':
    'Bạn chỉ xem được trang của đơn vị mình ({unit}). Tổ trưởng, Tổ phó và quản trị viên xem được mọi đơn vị.',
  'web.not_your_task':
    'Nhiệm vụ này không giao cho đơn vị {unit}, nên bạn không xem được các báo cáo của nhiệm vụ.',
  'web.not_found': 'Không tìm thấy nội dung này.',
  'error.web.upload_type':
    'Tệp "{file}" không phải CSV, XLSX hoặc DOCX. Vui lòng lưu kế hoạch thành một trong các định dạng này rồi tải lên lại.',
  'error.web.upload_too_large':
    'Tệp "{file}" lớn hơn giới hạn {max} byte (PLAN_IMPORT_MAX_BYTES). Không có gì được nhập.',
  'error.web.preview_expired':
    'Bản xem trước kế hoạch này đã hết hạn (quá một ngày chưa xác nhận) hoặc đã được xác nhận. Không có gì được nhập; vui lòng tải tệp lên lại.',
  'web.plan_imported':
    'Đã nhập kế hoạch {number}: {created} nhiệm vụ mới, {updated} nhiệm vụ cập nhật, {closed} nhiệm vụ đóng.',
  'error.web.not_configured':
    'Bảng điều khiển web chưa được bật: quản trị viên cần đặt PUBLIC_URL (địa chỉ trình duyệt truy cập trợ lý).',
  'error.web.link_invalid':
    'Liên kết đăng nhập không hợp lệ. Vui lòng gõ /da06 web trong cuộc trò chuyện với trợ lý để nhận liên kết mới.',
  'error.web.link_used':
    'Liên kết đăng nhập này đã được sử dụng. Mỗi liên kết chỉ dùng được một lần; gõ /da06 web để nhận liên kết mới.',
  'error.web.link_expired':
    'Liên kết đăng nhập đã hết hạn (hiệu lực 10 phút). Gõ /da06 web để nhận liên kết mới.',
  'error.web.member_inactive':
    'Tài khoản thành viên {member} đã ngừng hoạt động, nên không đăng nhập được bảng điều khiển. Vui lòng liên hệ quản trị viên.',
} as const;

export type MessageKey = keyof typeof vi;
