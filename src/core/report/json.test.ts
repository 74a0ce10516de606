/**
 * The report JSON written in pieces (json.ts: findings one at a time, the roster from its sorted
 * numbers) is byte for byte the JSON made in memory the plain way: JSON.stringify of the whole report,
 * each finding on a line of its own.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../../tests/helpers.ts';
import type { FormatId } from '../formats/types.ts';
import { generateInMemory, planDistrict } from '../generate/generate.ts';
import type { GenerateOptions } from '../generate/layout.ts';
import type { Finding } from '../model/finding.ts';
import { SNAPSHOT_KINDS } from '../snapshot/snapshot.ts';
import type { ValidationResult } from './build.ts';
import { reportJsonPieces, type AcknowledgedMarks, type ReportChanges } from './json.ts';

/** The whole report as one JSON.stringify; each finding stands in as a token, then put on one line. */
function inMemoryJson(result: ValidationResult, changes?: ReportChanges, marks?: AcknowledgedMarks): string {
  const lines: string[] = [];
  const token = (f: Finding, mark: boolean) => {
    lines.push(JSON.stringify(mark && marks?.is(f) ? { ...f, acknowledged: true } : f));
    return `\u0000${lines.length - 1}\u0000`;
  };
  const { summary, snapshot } = result;
  const roster = Object.fromEntries([
    ['salt', snapshot.salt],
    ...SNAPSHOT_KINDS.map((kind) => [kind, [...snapshot[kind]]]),
  ]) as unknown as typeof snapshot;
  const report = {
    ...summary,
    ...(marks && { totals: { ...summary.totals, acknowledged: marks.count } }),
    findings: [...result.findings].map((f) => token(f, true)),
    ...(changes && {
      changes: {
        comparedWith: changes.comparedWith,
        reason: changes.reason,
        new: changes.new.map((f) => token(f, true)),
        resolved: changes.resolved.map((f) => token(f, false)),
        unchanged: changes.unchanged,
      },
    }),
    roster,
  };
  return JSON.stringify(report, null, 2).replace(/"\\u0000(\d+)\\u0000"/g, (_, i: string) => lines[+i]);
}

const streamed = (result: ValidationResult, changes?: ReportChanges, marks?: AcknowledgedMarks) =>
  [...reportJsonPieces(result, changes, marks)].join('');

async function generated(options: GenerateOptions): Promise<ValidationResult> {
  return run(Object.fromEntries(generateInMemory(planDistrict(options))));
}

const FORMATS: FormatId[] = ['oneroster-1.1', 'oneroster-1.2', 'clever', 'remind-csv-1.0', 'remind-csv-2.0'];

describe('the report JSON in pieces', () => {
  it.each(FORMATS)('is the in-memory JSON for a generated %s district', async (format) => {
    const result = await generated({ format, students: 1500, seed: 4 });
    expect(result.findings.length).toBeGreaterThan(100);
    expect(streamed(result)).toBe(inMemoryJson(result));
  });

  it('is the in-memory JSON for a district whose findings outnumber its students', async () => {
    const result = await generated({ format: 'oneroster-1.1', students: 2000, sharedPhones: true });
    expect(result.findings.length).toBeGreaterThan(result.summary.totals.students);
    const pieces = [...reportJsonPieces(result)];
    expect(pieces.join('')).toBe(inMemoryJson(result));
    // Written a piece at a time: no piece holds the findings or the roster whole.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan((1 << 16) + 2000);
  });

  it('is the in-memory JSON with changes and acknowledged findings', async () => {
    const result = await generated({ format: 'clever', students: 800, seed: 9 });
    const all = [...result.findings];
    const changes: ReportChanges = {
      comparedWith: '2026-01-01T00:00:00.000Z',
      reason: null,
      new: all.slice(0, 5),
      resolved: all.slice(5, 8),
      unchanged: all.length - 5,
    };
    const marks: AcknowledgedMarks = { is: (f) => f.code === 'device-in-use', count: 3 };
    expect(streamed(result, changes, marks)).toBe(inMemoryJson(result, changes, marks));
    const none: ReportChanges = { comparedWith: null, reason: 'why', new: [], resolved: [], unchanged: 0 };
    expect(streamed(result, none)).toBe(inMemoryJson(result, none));
  });

  it('writes empty roster lists as [] (a district of schools only)', async () => {
    const result = await run({ 'schools.csv': 'School_id,School_name\ns1,One\n' });
    expect(result.snapshot.students).toEqual([]);
    expect(streamed(result)).toBe(inMemoryJson(result));
    expect(streamed(result)).toContain('"students": []');
  });

  it('finds its lists by their keys, not by a school named like a placeholder', async () => {
    const result = await generated({ format: 'clever', students: 300, seed: 2 });
    const schools = result.summary.schools.map((s, i) => ({
      ...s,
      name: ['__FINDINGS__', '__NEW__'][i] ?? s.name,
    }));
    const named = { ...result, summary: { ...result.summary, schools } } as ValidationResult;
    const changes: ReportChanges = { comparedWith: 'x', reason: null, new: [], resolved: [], unchanged: 0 };
    expect(streamed(named, changes)).toBe(inMemoryJson(named, changes));
    expect(JSON.parse(streamed(named, changes)).schools[0].name).toBe('__FINDINGS__');
  });
});
