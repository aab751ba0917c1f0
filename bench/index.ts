/**
 * `npm run bench [-- --json]`: runs each benchmark scenario against its baseline in the same run.
 * Scenarios arrive with the features they measure (see docs/ARCHITECTURE.md); until then the table
 * is empty, and says so.
 */
interface Scenario {
  name: string;
  metric: string;
  value: number;
  baseline: number;
  ratio: number;
  unit: string;
  target: string;
}

const scenarios: Scenario[] = [];

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ scenarios })}\n`);
} else {
  process.stdout.write(
    'No benchmark scenarios yet: they come with the Slack, Teams and scheduler channels.\n',
  );
}
