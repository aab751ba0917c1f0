/**
 * Vietnamese wording of the written reports (src/reports): the DOCX report laid out as a Vietnamese
 * administrative document (Nghị định 30/2020/NĐ-CP), the XLSX/CSV tables, the chart and its alt
 * text, the emulation scoreboard and its rule, and the chat message that carries an exported file.
 * The source of `ReportsMessageKey`; reports.en.ts has exactly these keys. Every key starts with
 * `reports.`, so these catalogs can be merged into the main ones without clashes.
 *
 * Only fixed wording lives here: what units did, why they are late and what they ask for is always
 * quoted from their reports and attributed to them.
 */
export const reportsVi = {
  // Header of the document (Nghị định 30/2020/NĐ-CP, Phụ lục I) ------------------------------------
  'reports.doc.ministry': 'BỘ TÀI CHÍNH',
  'reports.doc.parent': 'BẢO HIỂM XÃ HỘI VIỆT NAM',
  'reports.doc.issuer': 'TỔ CÔNG TÁC ĐỀ ÁN 06',
  'reports.doc.number': 'Số:          /BC-TCT',
  'reports.doc.nation': 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'reports.doc.motto': 'Độc lập - Tự do - Hạnh phúc',
  'reports.doc.place': 'Hà Nội',
  'reports.doc.place_date': '{place}, ngày {day} tháng {month} năm {year}',
  'reports.doc.kind': 'BÁO CÁO',
  'reports.doc.subject': 'Tình hình triển khai Đề án 06 {period}',
  'reports.doc.title': 'Báo cáo tình hình triển khai Đề án 06 {period}',
  'reports.doc.intro':
    'Thực hiện {plans}, Tổ công tác Đề án 06 tổng hợp tình hình triển khai {period} trên cơ sở báo cáo của các đơn vị (số liệu đến ngày {date}) như sau:',
  'reports.doc.intro_no_plan':
    'Tổ công tác Đề án 06 tổng hợp tình hình triển khai {period} trên cơ sở báo cáo của các đơn vị (số liệu đến ngày {date}) như sau:',
  'reports.doc.plan_ref': '{title} (số {number})',
  'reports.doc.plan_ref_dated': '{title} (số {number} ngày {date})',

  // I. Results -----------------------------------------------------------------------------------
  'reports.doc.s1': 'I. KẾT QUẢ THỰC HIỆN',
  'reports.doc.s1.overview':
    'Tổng số nhiệm vụ theo dõi: {count}. Trong đó: đã hoàn thành {done} nhiệm vụ ({donePercent}); đang triển khai {in_progress}; vướng mắc {blocked}; chưa triển khai {not_started}; chưa có báo cáo {not_reported}.',
  'reports.doc.s1.reporting':
    'Trong kỳ, Tổ công tác nhận được {reports} báo cáo của {units} đơn vị, trong đó {late} báo cáo gửi sau ngày kết thúc kỳ báo cáo.',
  'reports.doc.s1.aggregate':
    'Đối với mỗi nhiệm vụ, tình trạng được xác định theo báo cáo gần nhất của đơn vị chủ trì trong kỳ; ý kiến của đơn vị được trích nguyên văn từ báo cáo gần nhất của đơn vị.',
  'reports.doc.s1.no_reports':
    'Trong {period}, Tổ công tác chưa nhận được báo cáo nào của các đơn vị, nên chưa có kết quả thực hiện để tổng hợp theo từng nhiệm vụ.',
  'reports.doc.s1.no_tasks': 'Chưa có kế hoạch nào được nhập vào hệ thống, nên chưa có nhiệm vụ để báo cáo.',
  'reports.doc.chart_caption':
    'Biểu đồ: Tình trạng nhiệm vụ theo tháng và tỷ lệ hoàn thành bình quân của các đơn vị chủ trì',
  'reports.doc.other_tasks': 'Các nhiệm vụ khác',
  'reports.doc.task': 'Nhiệm vụ {code}:',
  'reports.doc.task_meta': '(chủ trì: {lead}; thời hạn: {deadline}).',
  'reports.doc.task_standing': 'Tình trạng: {standing}.',
  'reports.doc.task_standing_percent': 'Tình trạng: {standing} ({percent}%).',
  'reports.doc.word': '{unit}: “{text}”',
  'reports.doc.word_blockers': 'Vướng mắc, kiến nghị:',
  'reports.doc.word_source': '{unit} ({details})',
  'reports.doc.late_mark': 'báo cáo muộn',
  'reports.doc.carried_done': '{unit}: đã báo cáo hoàn thành từ kỳ trước.',
  'reports.doc.leads_missing': 'Đơn vị chủ trì chưa báo cáo trong kỳ: {units}.',
  'reports.doc.and_more': 'và {count} đơn vị khác',

  // II. Behind schedule ----------------------------------------------------------------------------
  'reports.doc.s2': 'II. NHỮNG NHIỆM VỤ CHẬM TIẾN ĐỘ VÀ NGUYÊN NHÂN',
  'reports.doc.s2.overdue_intro':
    'Tính đến ngày {date}, có {count} nhiệm vụ đã quá thời hạn hoàn thành theo kế hoạch mà đơn vị chủ trì chưa báo cáo hoàn thành:',
  'reports.doc.s2.overdue_none':
    'Tính đến ngày {date}, không có nhiệm vụ nào quá thời hạn hoàn thành theo kế hoạch.',
  'reports.doc.s2.item':
    'Nhiệm vụ {code}: {content} (chủ trì: {lead}; hạn {due}; quá hạn {days} ngày; tình trạng: {standing}).',
  'reports.doc.s2.reason': 'Nguyên nhân, theo báo cáo của đơn vị chủ trì:',
  'reports.doc.s2.no_reason': 'Đơn vị chủ trì chưa báo cáo tiến độ và nguyên nhân chậm trong kỳ.',
  'reports.doc.s2.not_reported': 'Đơn vị chủ trì chưa gửi báo cáo trong kỳ ({count} đơn vị), theo nhiệm vụ:',
  'reports.doc.s2.not_reported_item': 'Nhiệm vụ {codes}: {units}.',
  'reports.doc.s2.units_count': '{count} đơn vị ({units})',
  'reports.doc.s2.all_reported': 'Các đơn vị chủ trì đều đã gửi báo cáo trong kỳ.',

  // III. Blockers and requests --------------------------------------------------------------------
  'reports.doc.s3': 'III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT',
  'reports.doc.s3.intro':
    'Các đơn vị nêu những khó khăn, vướng mắc và kiến nghị, đề xuất sau (trích nguyên văn báo cáo của đơn vị), đề nghị Lãnh đạo Ngành xem xét, chỉ đạo:',
  'reports.doc.s3.none': 'Trong kỳ, các đơn vị không nêu khó khăn, vướng mắc hay kiến nghị, đề xuất nào.',
  'reports.doc.s3.task': 'Về nhiệm vụ {code}: {content}',
  'reports.doc.s3.source': '{unit} ({member}, {periods})',

  // IV. Next month --------------------------------------------------------------------------------
  'reports.doc.s4': 'IV. NHIỆM VỤ TRỌNG TÂM {period}',
  'reports.doc.s4.intro':
    'Căn cứ thời hạn tại kế hoạch và tình hình thực hiện đến ngày {date}, các đơn vị tập trung thực hiện các nhiệm vụ sau:',
  'reports.doc.s4.due': 'Nhiệm vụ đến hạn hoàn thành trong {period}:',
  'reports.doc.s4.overdue': 'Nhiệm vụ đã quá hạn, cần khẩn trương hoàn thành:',
  'reports.doc.s4.recurring': 'Nhiệm vụ thường xuyên, tiếp tục thực hiện:',
  'reports.doc.s4.item': 'Nhiệm vụ {code}: {content} (chủ trì: {lead}; thời hạn: {deadline}).',
  'reports.doc.s4.none': 'Không có nhiệm vụ đến hạn, quá hạn hay thường xuyên nào chưa hoàn thành.',

  // Closing, recipients, signature -----------------------------------------------------------------
  'reports.doc.closing':
    'Trên đây là báo cáo tình hình triển khai Đề án 06 {period} của Tổ công tác Đề án 06 Bảo hiểm xã hội Việt Nam./.',
  'reports.doc.recipients': 'Nơi nhận:',
  'reports.doc.recipient_lines':
    '- Tổng Giám đốc (để báo cáo);\n- Các Phó Tổng Giám đốc;\n- Thành viên Tổ công tác;\n- Lưu: VT, TCT.',
  'reports.doc.signer': 'TỔ TRƯỞNG',

  // Appendix ----------------------------------------------------------------------------------------
  'reports.doc.appendix': 'Phụ lục',
  'reports.doc.appendix_title': 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ {period}',
  'reports.doc.appendix_ref': '(Kèm theo Báo cáo số          /BC-TCT ngày {date} của Tổ công tác Đề án 06)',
  'reports.doc.appendix_no_reports':
    'Trong {period}, chưa có báo cáo nào của các đơn vị; danh mục nhiệm vụ và thời hạn theo kế hoạch được giữ nguyên.',
  'reports.doc.appendix_no_tasks': 'Chưa có nhiệm vụ nào.',
  'reports.doc.evidence_title': 'DANH MỤC TỆP MINH CHỨNG KÈM THEO BÁO CÁO',
  'reports.doc.evidence_line':
    '{n}. Nhiệm vụ {task} — {unit}, {period}: {name} ({size}; SHA-256: {hash}); người gửi: {who}, ngày {when}.',
  'reports.doc.page_of': 'Trang {page}',

  // Table columns (appendix, XLSX, CSV) -----------------------------------------------------------
  'reports.col.tt': 'TT',
  'reports.col.section': 'Nhóm nhiệm vụ',
  'reports.col.content': 'Nội dung nhiệm vụ',
  'reports.col.lead': 'Đơn vị chủ trì',
  'reports.col.deadline': 'Thời hạn',
  'reports.col.standing': 'Tình trạng',
  'reports.col.percent': 'Tỷ lệ (%)',
  'reports.col.words': 'Ý kiến của đơn vị',
  'reports.col.period': 'Kỳ báo cáo',
  'reports.col.plan': 'Kế hoạch',
  'reports.col.overdue_days': 'Số ngày quá hạn',
  'reports.cell.word': '{unit}: {text}',
  'reports.cell.word_dated': '{unit} ({period}): {text}',
  'reports.cell.blockers': 'Vướng mắc, kiến nghị: {text}',
  'reports.cell.carried_done': '{unit}: đã hoàn thành từ kỳ trước',
  'reports.cell.continued': '(tiếp)',
  'reports.cell.unresolved': '(chưa xác định được đơn vị: {names})',
  'reports.sheet.summary': 'Tổng hợp',
  'reports.sheet.month': 'Tháng {month}-{year}',
  'reports.sheet.title': 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ {period}',
  'reports.sheet.as_of':
    'Số liệu đến ngày {date}. Ý kiến của đơn vị được trích nguyên văn từ báo cáo của đơn vị.',
  'reports.sheet.no_reports': 'Trong {period}, chưa có báo cáo nào của các đơn vị.',

  // Chart ---------------------------------------------------------------------------------------------
  'reports.chart.months_title': 'Tình trạng nhiệm vụ theo tháng',
  'reports.chart.units_title': 'Tỷ lệ hoàn thành bình quân của đơn vị chủ trì ({period})',
  'reports.chart.axis_tasks': 'Số nhiệm vụ',
  'reports.chart.axis_percent': 'Tỷ lệ hoàn thành bình quân (%)',
  'reports.chart.unit_label': '{unit} ({lead} NV)',
  'reports.chart.no_units': 'Chưa có đơn vị chủ trì',
  'reports.chart.alt_months': 'Biểu đồ cột chồng số nhiệm vụ theo tình trạng qua từng tháng: {months}.',
  'reports.chart.alt_month': '{period}: {counts}',
  'reports.chart.alt_count': '{count} {standing}',
  'reports.chart.alt_units':
    'Biểu đồ thanh ngang tỷ lệ hoàn thành bình quân của {count} đơn vị chủ trì nhiều nhiệm vụ nhất (nhiệm vụ đơn vị chưa báo cáo tính 0%): {units}.',
  'reports.chart.alt_unit': '{unit} {percent} ({lead} nhiệm vụ, {reported} đã báo cáo)',
  'reports.chart.alt_no_units': 'Chưa có đơn vị chủ trì nhiệm vụ nào.',

  // Scoreboard ------------------------------------------------------------------------------------
  'reports.scoreboard.title': 'Bảng xếp hạng thi đua {period}',
  'reports.scoreboard.as_of': 'Số liệu đến ngày {date} · {count} đơn vị chủ trì',
  'reports.scoreboard.empty':
    'Chưa có đơn vị nào chủ trì nhiệm vụ trong kế hoạch, nên chưa có bảng xếp hạng.',
  'reports.scoreboard.sheet': 'Xếp hạng thi đua',
  'reports.scoreboard.col.rank': 'Hạng',
  'reports.scoreboard.col.code': 'Mã đơn vị',
  'reports.scoreboard.col.name': 'Tên đơn vị',
  'reports.scoreboard.col.lead': 'Số nhiệm vụ chủ trì',
  'reports.scoreboard.col.reports_on_time': 'Báo cáo đúng hạn',
  'reports.scoreboard.col.reports_needed': 'Báo cáo phải gửi',
  'reports.scoreboard.col.reporting_rate': 'Tỷ lệ báo cáo đúng hạn',
  'reports.scoreboard.col.done_on_time': 'Nhiệm vụ hoàn thành đúng hạn',
  'reports.scoreboard.col.due': 'Nhiệm vụ đến hạn',
  'reports.scoreboard.col.done_rate': 'Tỷ lệ hoàn thành đúng hạn',
  'reports.scoreboard.col.overdue_tasks': 'Nhiệm vụ quá hạn',
  'reports.scoreboard.col.overdue_days': 'Tổng số ngày quá hạn',
  'reports.scoreboard.line':
    '{rank}. {unit}: hoàn thành đúng hạn {doneRate} ({done}/{due}); quá hạn {days} ngày; báo cáo đúng hạn {reportRate} ({onTime}/{needed})',
  'reports.scoreboard.more': '… và {count} đơn vị khác (bảng đầy đủ: da06 report --scoreboard --format xlsx)',
  'reports.scoreboard.rule':
    'Cách xếp hạng: (1) Tỷ lệ hoàn thành đúng hạn = số nhiệm vụ có hạn cuối đến ngày {date} mà đơn vị báo cáo hoàn thành ở kỳ báo cáo không muộn hơn tháng của hạn cuối ÷ số nhiệm vụ có hạn cuối đến ngày {date}; cao xếp trước. (2) Tổng số ngày quá hạn = tổng số ngày từ hạn cuối đến ngày {date} của các nhiệm vụ đã quá hạn mà đơn vị chưa hoàn thành; ít xếp trước. (3) Tỷ lệ báo cáo đúng hạn = số báo cáo tháng nhận được đến hết ngày cuối tháng (không phải báo cáo muộn) ÷ số báo cáo phải gửi (mỗi nhiệm vụ đơn vị chủ trì, mỗi tháng của kỳ, trừ nhiệm vụ đơn vị đã báo cáo hoàn thành ở tháng trước); cao xếp trước. (4) Bằng nhau cả ba tiêu chí thì đơn vị chủ trì nhiều nhiệm vụ hơn xếp trước; vẫn bằng nhau thì cùng hạng, liệt kê theo mã đơn vị. Tỷ lệ không có gì để tính được ghi "—" và tính như 100%. Chỉ xếp hạng các đơn vị chủ trì nhiệm vụ; Tổ công tác không tự xếp hạng.',

  // The chat message with an exported file ------------------------------------------------------------
  'reports.file.caption': 'Dự thảo báo cáo tình hình triển khai Đề án 06 {period} (tệp {format}).',
  'reports.file.scoreboard_caption': 'Bảng xếp hạng thi đua {period} (tệp {format}).',
  'reports.file.totals':
    '{count} nhiệm vụ: {done} đã hoàn thành, {in_progress} đang triển khai, {blocked} vướng mắc, {not_started} chưa triển khai, {not_reported} chưa báo cáo; {overdue} nhiệm vụ quá hạn.',
  'reports.file.no_reports': 'Kỳ này chưa có báo cáo nào của các đơn vị; dự thảo nêu rõ điều đó.',
  'reports.file.blockers': 'Kiến nghị, đề xuất của các đơn vị ({count}):',
  'reports.file.blocker': '[{code}] {unit}: {text}',
  'reports.file.cut': '… (xem đầy đủ trong tệp đính kèm, mục III)',
  'reports.file.more_blockers': '… và {count} kiến nghị khác trong tệp đính kèm.',

  // The reminder letter, công văn đôn đốc (issue 19, src/reports/letter-docx.ts) ------------------
  'reports.letter.subject': 'V/v đôn đốc thực hiện nhiệm vụ Đề án 06',
  'reports.letter.number': 'Số:          /BHXH-TCT',
  'reports.letter.to': 'Kính gửi:',
  'reports.letter.no_plan': 'Kế hoạch thực hiện Đề án 06',
  'reports.letter.intro':
    'Thực hiện {plans}, Tổ công tác Đề án 06 thường xuyên theo dõi, tổng hợp tiến độ thực hiện các nhiệm vụ được giao. Tính đến ngày {date}, {unit} còn một số nhiệm vụ chủ trì chưa hoàn thành theo thời hạn của kế hoạch.',
  'reports.letter.count':
    'Cụ thể: {overdue} nhiệm vụ đã quá thời hạn và {soon} nhiệm vụ sẽ đến hạn trong {days} ngày tới chưa được báo cáo hoàn thành (chi tiết tại bảng dưới đây).',
  'reports.letter.request':
    'Đề nghị {unit} khẩn trương chỉ đạo triển khai, hoàn thành các nhiệm vụ nêu trên; báo cáo kết quả thực hiện, khó khăn, vướng mắc (nếu có) về Tổ công tác Đề án 06 trước ngày {date} để tổng hợp, báo cáo Lãnh đạo Ngành.',
  'reports.letter.closing': 'Trân trọng./.',
  'reports.letter.recipient_lines':
    '- Như trên;\n- Tổng Giám đốc (để b/c);\n- Thành viên Tổ công tác;\n- Lưu: VT, TCT.',
  'reports.letter.col.tt': 'TT',
  'reports.letter.col.plan': 'Kế hoạch',
  'reports.letter.col.task': 'Nhiệm vụ',
  'reports.letter.col.deadline': 'Thời hạn',
  'reports.letter.col.days_overdue': 'Số ngày quá hạn',
  'reports.letter.group.overdue': 'Nhiệm vụ đã quá hạn',
  'reports.letter.group.soon': 'Nhiệm vụ sắp đến hạn (trong {days} ngày tới)',
  'reports.scoreboard.buckets':
    '{line}; theo thời hạn (lũy kế): đúng hạn {onTime}, hoàn thành quá hạn {late}, chưa hoàn thành trong hạn {inTime}, chưa hoàn thành quá hạn {overdue}',
} as const;

export type ReportsMessageKey = keyof typeof reportsVi;
