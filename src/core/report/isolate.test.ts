import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { run } from '../../../tests/helpers.ts';
import { reportDistrict } from '../../../tests/fixtures/report-district.ts';
import { csvPieces } from './csv.ts';
import { csvRows } from './csv-rows.ts';
import { isolate } from './isolate.ts';

const RLO = '\u202e';
const [FSI, PDI] = ['\u2068', '\u2069'];

describe('values embedded in a sentence', () => {
  it.each([
    ['plain Latin text is left as it is', 'Ann Lee', 'Ann Lee'],
    ['right-to-left letters are isolated', 'مدرسة 1', `${FSI}مدرسة 1${PDI}`],
    ['an override is isolated and shown', `Di${RLO}evil`, `${FSI}Di[U+202E]evil${PDI}`],
    ['a stray closing isolate cannot end ours early', `x\u2069${RLO}y`, `${FSI}x[U+2069][U+202E]y${PDI}`],
    ['right-to-left marks stay', 'שלום\u200f', `${FSI}שלום\u200f${PDI}`],
  ])('%s', (_, value, shown) => {
    expect(isolate(value)).toBe(shown);
  });

  it('keeps the sentence of a message and of the CSV problem in order around an override', async () => {
    const name = `Di${RLO}evil`;
    const plain = await run(reportDistrict({ formula: 'Di' }));
    const hostile = await run(reportDistrict({ formula: name }));
    const message = (r: typeof plain) =>
      [...r.findings].find((f) => f.id === 'st3' && f.code === 'student-dob')!;
    const before = message(plain).message;
    const after = message(hostile).message;
    expect(after).not.toContain(RLO);
    expect(after).toBe(before.replace('Di Ma', `${FSI}Di[U+202E]evil Ma${PDI}`));
    expect(message(hostile).name).toBe(`${name} Ma`); // the value itself is kept as the roster has it

    const text = [...csvPieces(csvRows(hostile, {}))].join('').replace(/^\uFEFF/, '');
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const st3 = rows.find(
      (r) => r[header.indexOf('source_id')] === 'st3' && r[header.indexOf('code')] === 'student-dob',
    )!;
    expect(st3[header.indexOf('problem')]).toBe(after);
    expect(st3[header.indexOf('first_name')]).toBe(name);
  });
});
