/** Small builders for test data, so tests say only what matters to them. */
import { parseDeadline } from '../../src/domain/deadline.ts';
import type { ParsedTask } from '../../src/domain/plan.ts';

export function parsedTask(code: string, overrides: Partial<ParsedTask> = {}): ParsedTask {
  return {
    code,
    section: null,
    objective: null,
    task: null,
    activity: null,
    content: `Nhiệm vụ ${code}`,
    leadUnits: ['CNTT'],
    coordinatingUnits: [],
    leadText: 'Trung tâm CNTT',
    coordinatingText: '',
    deadline: parseDeadline('Năm 2024'),
    product: null,
    row: Number.parseInt(code, 10) + 1 || 2,
    ...overrides,
  };
}

export const TEST_UNITS = [
  {
    code: 'CNTT',
    kind: 'central' as const,
    name: 'Trung tâm Công nghệ thông tin',
    aliases: ['Trung tâm CNTT'],
  },
  { code: 'VP', kind: 'central' as const, name: 'Văn phòng BHXH Việt Nam', aliases: ['Văn phòng'] },
  {
    code: 'BHXH-HN',
    kind: 'provincial' as const,
    name: 'Bảo hiểm xã hội thành phố Hà Nội',
    aliases: ['BHXH Hà Nội'],
  },
];
