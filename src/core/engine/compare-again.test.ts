import { describe, expect, it } from 'vitest';
import { district } from '../../../tests/fixtures/worker-district.ts';
import { run } from '../../../tests/helpers.ts';
import { toReport } from '../report/json.ts';
import { compareAgain } from './compare-again.ts';

describe('comparing a finished check again with another earlier run', () => {
  it('gives the report a check against that run would give, without reading the files', async () => {
    const earlier = await run(district(12));
    const other = await run({ ...district(3), 'schools.csv': 'school_id,school_name\nx1,Elsewhere\n' });
    const against = await run(district(4), { previous: earlier.snapshot });
    const first = await run(district(4), { previous: other.snapshot });
    expect(first.summary.hold).not.toEqual(against.summary.hold);

    const again = compareAgain(first, earlier.snapshot);
    expect({ ...toReport(again), generatedAt: '' }).toEqual({ ...toReport(against), generatedAt: '' });
    expect(again.snapshot).toEqual(against.snapshot);
  });

  it('with no earlier run: no removal hold, the same salt', async () => {
    const earlier = await run(district(12));
    const first = await run(district(4), { previous: earlier.snapshot });
    expect(first.summary.hold['hold-removals']).toBeGreaterThan(0);
    const again = compareAgain(first, null);
    expect(again.summary.hold['hold-removals']).toBeUndefined();
    expect(again.snapshot).toEqual(first.snapshot);
    expect(again.summary.totals.hold).toBe(first.summary.totals.hold - first.summary.hold['hold-removals']!);
  });
});
