/** What a repeated nudge says changed, and the escalation's offer of the letter, in every channel. */
import { describe, expect, it } from 'vitest';
import type { ReminderView } from '../../src/app/views.ts';
import { renderReminder as slackReminder } from '../../src/channels/slack/blocks/reminder.ts';
import { renderReminderCard } from '../../src/channels/teams/cards/reminder.ts';
import { renderView } from '../../src/channels/terminal/render.ts';
import { renderContext } from '../../src/presentation/context.ts';
import { reminderExtraLines } from '../../src/presentation/reminder-extras.ts';
import { textOf as cardText } from '../support/teams/cards.ts';

const base: ReminderView = {
  kind: 'reminder',
  topic: 'overdue_nudge',
  period: null,
  meeting: null,
  tasks: [],
  units: [],
  actions: false,
};

describe('reminder extras', () => {
  const vi = renderContext('vi');

  it('says what changed since the last nudge, or that nothing did', () => {
    expect(
      reminderExtraLines(
        { ...base, changes: { since: '2024-06-05', newOverdue: ['6', '7'], doneSince: ['3'] } },
        vi,
      ),
    ).toEqual(['So với lần nhắc trước (05/06/2024): mới quá hạn: 6, 7; đã báo cáo hoàn thành: 3.']);
    expect(
      reminderExtraLines({ ...base, changes: { since: '2024-06-05', newOverdue: [], doneSince: [] } }, vi),
    ).toEqual(['So với lần nhắc trước (05/06/2024): chưa có thay đổi, các nhiệm vụ dưới đây vẫn quá hạn.']);
    expect(reminderExtraLines(base, vi)).toEqual([]);
    expect(
      reminderExtraLines(
        { ...base, topic: 'overdue_escalation', letterUnits: ['CNTT', 'VP'] },
        renderContext('en'),
      ),
    ).toEqual(['Draft a reminder letter to the units: /da06 letter CNTT | VP (or /da06 letter all).']);
  });

  it('every channel shows them', () => {
    const view: ReminderView = {
      ...base,
      changes: { since: '2024-06-05', newOverdue: ['6'], doneSince: [] },
      letterUnits: ['TCCB'],
    };
    const terminal = renderView(view, 'vi', { width: 200 });
    expect(terminal).toContain('So với lần nhắc trước (05/06/2024): mới quá hạn: 6.');
    expect(terminal).toContain('/da06 letter TCCB');
    expect(JSON.stringify(slackReminder(view, vi).blocks)).toContain(
      'So với lần nhắc trước (05/06/2024): mới quá hạn: 6.',
    );
    expect(cardText(renderReminderCard(view, vi, 'card-1'))).toContain('/da06 letter TCCB');
  });
});
