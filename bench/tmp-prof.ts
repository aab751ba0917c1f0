import { measureSlackAck } from './scenarios/slack-ack.ts';

const provider = (process.argv[2] ?? 'postgresql') as 'postgresql' | 'sqlite';
const rows = await measureSlackAck({
  provider,
  size: { clients: 50, warmup: 300, requests: 3000, rounds: 1, timeLimitMs: 90_000 },
  log: (l) => console.error(l),
});
console.log(rows.map((r) => `${r.metric.slice(0, 30)} ${r.value} ${r.baseline} ${r.ratio}`).join('\n'));
