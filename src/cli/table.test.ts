import { describe, expect, it } from 'vitest';
import { run } from '../../tests/helpers.ts';
import { heldDistrict } from '../../tests/fixtures/held-district.ts';
import { summaryTable } from './table.ts';

describe('the command line’s table of schools', () => {
  // rules.md §7: a hold makes Remind pause the sync for review; no school is "Ready" then.
  it('calls no school "Ready" while a sync hold pauses the sync', async () => {
    const result = await run(heldDistrict());
    expect(result.summary.blocked).toBe(false);
    expect(result.summary.hold).toEqual({ 'hold-guardians': 1 });
    const table = summaryTable(result, false);
    expect(table).toMatch(/^North High +1 +1 +0 +0 +On hold for review$/m);
    expect(table).toMatch(/^South Middle +1 +1 +0 +0 +On hold for review$/m);
    expect(table).not.toMatch(/ Ready$/m);
  });
});
