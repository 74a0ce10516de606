import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { folderSources, run } from '../../../tests/helpers.ts';
import { ALL_SETS, sampleDir, sampleMissing } from '../../../tests/fixtures/samples.ts';
import { plantedCauses } from '../../../tests/fixtures/planted-causes.ts';
import { heldDistrict } from '../../../tests/fixtures/held-district.ts';
import { ADAPTERS, FORMAT_IDS } from '../formats/registry.ts';
import { generateInMemory, planDistrict } from '../generate/generate.ts';
import { ALL_RULES } from '../rules/registry.ts';
import { FILES_CANNOT_SHOW, nextSteps, REMOVALS_NOT_CHECKED, VERDICT } from './plan-text.ts';
import { summaryMarkdown } from './summary-md.ts';

/** Our own texts, which the summary is made of. */
const FIXED_TEXTS = [
  ...ALL_RULES.flatMap((r) => [r.code, r.title, ...('reasons' in r && r.reasons ? r.reasons : [])]),
  ...Object.values(VERDICT),
  FILES_CANNOT_SHOW,
  REMOVALS_NOT_CHECKED,
  ...FORMAT_IDS.flatMap((f) => nextSteps(f)),
  ...ADAPTERS.map((a) => a.label),
  'Roster Check summary Verdict Next steps District totals Schools Teachers Students Parents Staff Classes',
  'Formatting Errors Alerts Holds Fix plan Cause What it is Blocks Findings Knock-on Clears School Status',
  'Errors by code Alerts by code Files File Bytes Rows SHA-256 yes Has errors Alerts only Ready No school',
  'Blocked by file problems On hold for review',
];

/** Every distinct cell value of the files' data rows (not their headers). */
function cellValues(files: Record<string, string>): Set<string> {
  const values = new Set<string>();
  for (const text of Object.values(files)) {
    const rows = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data;
    for (const row of rows.slice(1)) for (const cell of row) if (cell.trim()) values.add(cell.trim());
  }
  return values;
}

/** Words of a text: split at spaces and punctuation that no ID or email holds; a final full stop dropped. */
const words = (text: string) =>
  text
    .split(/[\s|,;:()*"'“”’`–]+/)
    .map((w) => w.replace(/\.$/, ''))
    .filter(Boolean);

/** Words our own texts are made of: a roster value equal to one of them ("active", "1.1") is no leak. */
const FIXED_WORDS = new Set(FIXED_TEXTS.flatMap(words));

/**
 * Values of the input found in the summary, other than counts and words of our own texts. A value
 * without spaces (an ID, an email, a first name) is looked for as a whole word, others as text.
 */
function leaks(summary: string, values: Set<string>): string[] {
  // The SHA-256 fingerprints are hex: a short hex-like ID could occur inside one by chance.
  const text = summary.replace(/\b[0-9a-f]{64}\b/g, '<sha-256>');
  const found = new Set(words(text));
  return [...values].filter(
    (v) => (/\s/.test(v) ? text.includes(v) : found.has(v)) && !(/^\d{1,4}$/.test(v) || FIXED_WORDS.has(v)),
  );
}

const folder = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((n) => n.endsWith('.csv'))
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );

describe('the summary holds no roster value', () => {
  describe.each(ALL_SETS)('sample %s', (set) => {
    it.skipIf(sampleMissing(set))('holds none of its values', async () => {
      const dir = sampleDir(set);
      const summary = summaryMarkdown((await run(folderSources(dir))).summary);
      expect(leaks(summary, cellValues(folder(dir)))).toEqual([]);
    });
  });

  it.each(FORMAT_IDS)('a generated %s district with planted problems', async (format) => {
    const files = Object.fromEntries(generateInMemory(planDistrict({ format, students: 400, seed: 5 })));
    const summary = summaryMarkdown((await run(files)).summary);
    expect(leaks(summary, cellValues(files)).length).toBe(0);
  });

  it('the check finds a value that does leak', async () => {
    const files = Object.fromEntries(
      generateInMemory(planDistrict({ format: 'clever', students: 200, seed: 5 })),
    );
    const result = await run(files);
    const school = result.summary.schools[0];
    const leaky = summaryMarkdown({
      ...result.summary,
      files: [{ ...result.summary.files[0], name: school.name }],
    });
    expect(leaks(leaky, cellValues(files))).toContain(school.name);
  });
});

describe('the summary', async () => {
  const planted = plantedCauses();
  const result = await run(planted.files);
  const md = summaryMarkdown(result.summary);

  it('gives the verdict, what the files cannot show, totals, the causes, schools by number and the files', () => {
    expect(md).toContain(`**${VERDICT.blocked}**`);
    expect(md).toContain(`${FILES_CANNOT_SHOW} ${REMOVALS_NOT_CHECKED}`);
    expect(summaryMarkdown(result.summary, { removalsChecked: true })).not.toContain(REMOVALS_NOT_CHECKED);
    for (const c of planted.expected)
      expect(md).toMatch(new RegExp(`\\| ${c.code}( \\(${c.reason}\\))? \\|`));
    expect(md).toMatch(/^\| School 1 \| /m);
    for (const f of result.summary.files) expect(md).toContain(`| ${f.name} | `);
    expect(md).toContain(result.summary.files[0].sha256);
  });

  it('counts the acknowledged findings and the changes since an earlier report when given, and only then', () => {
    expect(md).not.toMatch(/Acknowledged:|Since the previous report/);
    const more = summaryMarkdown(result.summary, {
      acknowledged: 5,
      changes: { new: 2, resolved: 1234, unchanged: 7, reason: null },
    });
    expect(more).toContain('Acknowledged: 5 acknowledged');
    expect(more).toContain('Since the previous report: 2 new, 1,234 resolved, 7 unchanged.');
    const other = summaryMarkdown(result.summary, {
      changes: { new: 0, resolved: 0, unchanged: 0, reason: 'the earlier report is of another district' },
    });
    expect(other).toContain(
      'Since the previous report: not compared, because the earlier report is of another district.',
    );
  });
});

describe('the summary of a district on hold', () => {
  // rules.md §7: a hold makes Remind pause the sync for review; no school is "Ready" then.
  it('calls no school "Ready"', async () => {
    const md = summaryMarkdown((await run(heldDistrict())).summary);
    expect(md).toMatch(/^\| School 1 \| 1 \| 1 \| 0 \| 0 \| On hold for review \|/m);
    expect(md).toMatch(/^\| School 2 \| 1 \| 1 \| 0 \| 0 \| On hold for review \|/m);
    expect(md).not.toMatch(/\| Ready \|/);
  });
});
