/** English wording of the written reports: exactly the keys of reports.vi.ts (a missing one is a type error). */
import type { ReportsMessageKey } from './reports.vi.ts';

export const reportsEn: Record<ReportsMessageKey, string> = {
  // Header of the document ---------------------------------------------------------------------------
  'reports.doc.ministry': 'MINISTRY OF FINANCE',
  'reports.doc.parent': 'VIETNAM SOCIAL SECURITY',
  'reports.doc.issuer': 'PROJECT 06 WORKING GROUP',
  'reports.doc.number': 'No.:          /BC-TCT',
  'reports.doc.nation': 'SOCIALIST REPUBLIC OF VIET NAM',
  'reports.doc.motto': 'Independence - Freedom - Happiness',
  'reports.doc.place': 'Ha Noi',
  'reports.doc.place_date': '{place}, {day} {monthName} {year}',
  'reports.doc.kind': 'REPORT',
  'reports.doc.subject': 'Implementation of Project 06, {period}',
  'reports.doc.title': 'Report on the implementation of Project 06, {period}',
  'reports.doc.intro':
    'Pursuant to {plans}, the Project 06 Working Group reports on the implementation in {period}, from the units’ reports (figures as of {date}):',
  'reports.doc.intro_no_plan':
    'The Project 06 Working Group reports on the implementation in {period}, from the units’ reports (figures as of {date}):',
  'reports.doc.plan_ref': '{title} (No. {number})',
  'reports.doc.plan_ref_dated': '{title} (No. {number} of {date})',

  // I. Results -----------------------------------------------------------------------------------
  'reports.doc.s1': 'I. RESULTS',
  'reports.doc.s1.overview':
    'Tasks followed: {count}. Of these: done {done} ({donePercent}); in progress {in_progress}; blocked {blocked}; not started {not_started}; not reported {not_reported}.',
  'reports.doc.s1.reporting':
    'In the period the Working Group received {reports} reports from {units} units; {late} of them arrived after the period ended.',
  'reports.doc.s1.aggregate':
    'For each task the status follows the lead units’ latest report in the period; the units’ words are quoted from their latest report.',
  'reports.doc.s1.no_reports':
    'In {period} the Working Group received no report from any unit, so there are no results to summarise task by task.',
  'reports.doc.s1.no_tasks': 'No plan has been imported yet, so there are no tasks to report on.',
  'reports.doc.chart_caption': 'Chart: task status by month and mean completion per lead unit',
  'reports.doc.other_tasks': 'Other tasks',
  'reports.doc.task': 'Task {code}:',
  'reports.doc.task_meta': '(lead: {lead}; deadline: {deadline}).',
  'reports.doc.task_standing': 'Status: {standing}.',
  'reports.doc.task_standing_percent': 'Status: {standing} ({percent}%).',
  'reports.doc.word': '{unit}: “{text}”',
  'reports.doc.word_blockers': 'Blockers and requests:',
  'reports.doc.word_source': '{unit} ({details})',
  'reports.doc.late_mark': 'late report',
  'reports.doc.carried_done': '{unit}: reported done in an earlier period.',
  'reports.doc.leads_missing': 'Lead units that have not reported in the period: {units}.',
  'reports.doc.and_more': 'and {count} more units',

  // II. Behind schedule ----------------------------------------------------------------------------
  'reports.doc.s2': 'II. TASKS BEHIND SCHEDULE AND WHY',
  'reports.doc.s2.overdue_intro':
    'As of {date}, {count} tasks are past the deadline set in the plan and their lead units have not reported them done:',
  'reports.doc.s2.overdue_none': 'As of {date}, no task is past the deadline set in the plan.',
  'reports.doc.s2.item':
    'Task {code}: {content} (lead: {lead}; due {due}; {days} days overdue; status: {standing}).',
  'reports.doc.s2.reason': 'Reasons, as the lead units report them:',
  'reports.doc.s2.no_reason': 'The lead unit has not reported progress or reasons in the period.',
  'reports.doc.s2.not_reported': 'Lead units that have not reported in the period ({count} units), by task:',
  'reports.doc.s2.not_reported_item': 'Task {codes}: {units}.',
  'reports.doc.s2.units_count': '{count} units ({units})',
  'reports.doc.s2.all_reported': 'Every lead unit has reported in the period.',

  // III. Blockers and requests --------------------------------------------------------------------
  'reports.doc.s3': 'III. DIFFICULTIES, BLOCKERS AND REQUESTS',
  'reports.doc.s3.intro':
    'The units raise the following difficulties, blockers and requests (quoted from their reports) for the leadership to consider:',
  'reports.doc.s3.none': 'In the period no unit raised a difficulty, blocker or request.',
  'reports.doc.s3.task': 'On task {code}: {content}',
  'reports.doc.s3.source': '{unit} ({member}, {periods})',

  // IV. Next month --------------------------------------------------------------------------------
  'reports.doc.s4': 'IV. PRIORITIES FOR {period}',
  'reports.doc.s4.intro':
    'From the deadlines in the plan and the progress as of {date}, the units concentrate on the following tasks:',
  'reports.doc.s4.due': 'Tasks due in {period}:',
  'reports.doc.s4.overdue': 'Overdue tasks to be finished urgently:',
  'reports.doc.s4.recurring': 'Recurring tasks that continue:',
  'reports.doc.s4.item': 'Task {code}: {content} (lead: {lead}; deadline: {deadline}).',
  'reports.doc.s4.none': 'No task is due, overdue or recurring and still open.',

  // Closing, recipients, signature -----------------------------------------------------------------
  'reports.doc.closing':
    'This is the report of the Project 06 Working Group of Vietnam Social Security on the implementation of Project 06 in {period}.',
  'reports.doc.recipients': 'Recipients:',
  'reports.doc.recipient_lines':
    '- The Director General (for information);\n- The Deputy Directors General;\n- Members of the Working Group;\n- Archive: VT, TCT.',
  'reports.doc.signer': 'CHAIR',

  // Appendix ----------------------------------------------------------------------------------------
  'reports.doc.appendix': 'Appendix',
  'reports.doc.appendix_title': 'PROGRESS OF THE TASKS, {period}',
  'reports.doc.appendix_ref':
    '(Attached to Report No.          /BC-TCT of {date} of the Project 06 Working Group)',
  'reports.doc.appendix_no_reports':
    'In {period} no unit has reported; the tasks and deadlines of the plan stand as written.',
  'reports.doc.appendix_no_tasks': 'No tasks.',
  'reports.doc.evidence_title': 'EVIDENCE FILES SENT WITH THE REPORTS',
  'reports.doc.evidence_line':
    '{n}. Task {task} — {unit}, {period}: {name} ({size}; SHA-256: {hash}); sent by {who} on {when}.',
  'reports.doc.page_of': 'Page {page}',

  // Table columns (appendix, XLSX, CSV) -----------------------------------------------------------
  'reports.col.tt': 'No.',
  'reports.col.section': 'Task group',
  'reports.col.content': 'Task',
  'reports.col.lead': 'Lead unit',
  'reports.col.deadline': 'Deadline',
  'reports.col.standing': 'Status',
  'reports.col.percent': 'Done (%)',
  'reports.col.words': 'Units’ words',
  'reports.col.period': 'Period',
  'reports.col.plan': 'Plan',
  'reports.col.overdue_days': 'Days overdue',
  'reports.cell.word': '{unit}: {text}',
  'reports.cell.word_dated': '{unit} ({period}): {text}',
  'reports.cell.blockers': 'Blockers and requests: {text}',
  'reports.cell.carried_done': '{unit}: done in an earlier period',
  'reports.cell.continued': '(continued)',
  'reports.cell.unresolved': '(not matched to a unit: {names})',
  'reports.sheet.summary': 'Summary',
  'reports.sheet.month': 'Month {month}-{year}',
  'reports.sheet.title': 'PROGRESS OF THE TASKS, {period}',
  'reports.sheet.as_of': 'Figures as of {date}. The units’ words are quoted from their reports.',
  'reports.sheet.no_reports': 'In {period} no unit has reported.',

  // Chart ---------------------------------------------------------------------------------------------
  'reports.chart.months_title': 'Task status by month',
  'reports.chart.units_title': 'Mean completion per lead unit ({period})',
  'reports.chart.axis_tasks': 'Tasks',
  'reports.chart.axis_percent': 'Mean completion (%)',
  'reports.chart.unit_label': '{unit} ({lead} tasks)',
  'reports.chart.no_units': 'No lead units yet',
  'reports.chart.alt_months': 'Stacked bar chart of tasks by status for each month: {months}.',
  'reports.chart.alt_month': '{period}: {counts}',
  'reports.chart.alt_count': '{count} {standing}',
  'reports.chart.alt_units':
    'Horizontal bar chart of the mean completion of the {count} lead units with most tasks (tasks the unit has not reported count 0%): {units}.',
  'reports.chart.alt_unit': '{unit} {percent} ({lead} tasks, {reported} reported)',
  'reports.chart.alt_no_units': 'No unit leads a task yet.',

  // Scoreboard ------------------------------------------------------------------------------------
  'reports.scoreboard.title': 'Emulation scoreboard, {period}',
  'reports.scoreboard.as_of': 'Figures as of {date} · {count} lead units',
  'reports.scoreboard.empty': 'No unit leads a task in the plan yet, so there is no scoreboard.',
  'reports.scoreboard.sheet': 'Scoreboard',
  'reports.scoreboard.col.rank': 'Rank',
  'reports.scoreboard.col.code': 'Unit code',
  'reports.scoreboard.col.name': 'Unit',
  'reports.scoreboard.col.lead': 'Tasks led',
  'reports.scoreboard.col.reports_on_time': 'Reports on time',
  'reports.scoreboard.col.reports_needed': 'Reports needed',
  'reports.scoreboard.col.reporting_rate': 'On-time reporting rate',
  'reports.scoreboard.col.done_on_time': 'Tasks done on time',
  'reports.scoreboard.col.due': 'Tasks due',
  'reports.scoreboard.col.done_rate': 'Share done on time',
  'reports.scoreboard.col.overdue_tasks': 'Overdue tasks',
  'reports.scoreboard.col.overdue_days': 'Days overdue (total)',
  'reports.scoreboard.line':
    '{rank}. {unit}: done on time {doneRate} ({done}/{due}); {days} days overdue; reports on time {reportRate} ({onTime}/{needed})',
  'reports.scoreboard.more': '… and {count} more units (full table: da06 report --scoreboard --format xlsx)',
  'reports.scoreboard.rule':
    'Ranking: (1) share done on time = tasks with a final deadline up to {date} that the unit reported done in a reporting month no later than the deadline’s month ÷ tasks with a final deadline up to {date}; higher first. (2) Days overdue = the sum of days from the deadline to {date} over the overdue tasks the unit has not finished; fewer first. (3) On-time reporting rate = monthly reports received by the month’s last day (not late) ÷ reports needed (each task the unit leads, each month of the period, except tasks the unit reported done in an earlier month); higher first. (4) Equal on all three: the unit leading more tasks first; still equal: the same rank, listed by unit code. A rate with nothing to count shows "—" and counts as 100%. Only units that lead tasks are ranked; the Working Group does not rank itself.',

  // The chat message with an exported file ------------------------------------------------------------
  'reports.file.caption': 'Draft report on the implementation of Project 06, {period} ({format} file).',
  'reports.file.scoreboard_caption': 'Emulation scoreboard, {period} ({format} file).',
  'reports.file.totals':
    '{count} tasks: {done} done, {in_progress} in progress, {blocked} blocked, {not_started} not started, {not_reported} not reported; {overdue} overdue.',
  'reports.file.no_reports': 'No unit has reported in this period; the draft says so.',
  'reports.file.blockers': 'Requests from the units ({count}):',
  'reports.file.blocker': '[{code}] {unit}: {text}',
  'reports.file.cut': '… (full text in the attached file, part III)',
  'reports.file.more_blockers': '… and {count} more requests in the attached file.',

  // The reminder letter, công văn đôn đốc (issue 19, src/reports/letter-docx.ts) ------------------
  'reports.letter.subject': 'Re: reminder to carry out the tasks of Project 06',
  'reports.letter.number': 'No.:          /BHXH-TCT',
  'reports.letter.to': 'To:',
  'reports.letter.no_plan': 'the plan for Project 06',
  'reports.letter.intro':
    'Under {plans}, the Project 06 Working Group follows the progress of the tasks assigned. As of {date}, {unit} still has tasks it leads that are not done by the plan’s deadlines.',
  'reports.letter.count':
    'Namely: {overdue} tasks past their deadline and {soon} tasks due within the next {days} days have not been reported done (see the table below).',
  'reports.letter.request':
    '{unit} is requested to complete the tasks above without delay and to report the results, and any difficulties, to the Project 06 Working Group by {date}.',
  'reports.letter.closing': 'Yours faithfully.',
  'reports.letter.recipient_lines':
    '- As above;\n- The Director General (for information);\n- Working group members;\n- Filed: VT, TCT.',
  'reports.letter.col.tt': 'No.',
  'reports.letter.col.plan': 'Plan',
  'reports.letter.col.task': 'Task',
  'reports.letter.col.deadline': 'Deadline',
  'reports.letter.col.days_overdue': 'Days overdue',
  'reports.letter.group.overdue': 'Tasks past their deadline',
  'reports.letter.group.soon': 'Tasks due soon (within {days} days)',
  'reports.scoreboard.buckets':
    '{line}; against deadlines (cumulative): on time {onTime}, done late {late}, open in time {inTime}, open overdue {overdue}',
};
