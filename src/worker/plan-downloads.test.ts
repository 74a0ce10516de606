import { describe, expect, it } from 'vitest';
import { TODAY } from '../../tests/helpers.ts';
import { plantedCauses } from '../../tests/fixtures/planted-causes.ts';
import type { InputFile } from './api.ts';
import { createValidator } from './validator.ts';
import { strFromU8, unzipSync } from 'fflate';
import { causeFileName, csvFileName, fileSlug } from '../core/report/csv.ts';

const inputs = (files: Record<string, string>): InputFile[] =>
  Object.entries(files).map(([name, text]) => ({ name, blob: new Blob([text]) }));

describe('findings and downloads of one cause', async () => {
  const planted = plantedCauses();
  const api = createValidator();
  const outcome = await api.run({
    input: { kind: 'files', files: inputs(planted.files) },
    now: TODAY.toISOString(),
  });
  if (!outcome.ok) throw new Error(outcome.message);

  it.each(planted.expected.map((c, k) => [k, c] as const))(
    'cause %i: its findings and knock-on',
    async (k, c) => {
      const page = await api.findings({ cause: k }, 0, 500);
      expect(page.total).toBe(c.findings + c.knockOn);
      const roots = page.items.filter((f) => f.code === c.code && f.reason === c.reason);
      expect(roots).toHaveLength(c.findings);
      expect(page.items.filter((f) => !roots.includes(f)).every((f) => /, because /.test(f.message))).toBe(
        true,
      );
    },
  );

  it('downloads a cause’s records as one CSV named after it', async () => {
    const download = await api.download({ kind: 'csv', cause: 2 });
    expect(download.name).toBe('fix-3-teacher-email-missing.csv');
    const lines = (await download.blob.text()).trim().split(/\r?\n/);
    const { findings, knockOn } = planted.expected[2];
    expect(lines.length - 1).toBe(findings + knockOn);
  });
});

describe('Download all (.zip)', async () => {
  const planted = plantedCauses();
  const api = createValidator();
  const outcome = await api.run({
    input: { kind: 'files', files: inputs(planted.files) },
    now: TODAY.toISOString(),
  });
  if (!outcome.ok) throw new Error(outcome.message);

  it('holds every per-school, per-type CSV, the district’s per formatting and hold type, per cause and the district’s, named after the district and date', async () => {
    const download = await api.download({ kind: 'zip' });
    const school = outcome.summary.schools[0];
    expect(download.name).toBe(
      `roster-check-${fileSlug(school.name)}-${TODAY.toISOString().slice(0, 10)}.zip`,
    );
    const entries = unzipSync(new Uint8Array(await download.blob.arrayBuffer()));
    const name = (code?: string) => csvFileName({ school: school.id, code });
    // The district's file per formatting and hold type, as File problems and Sync holds offer them.
    const districtCodes = [...Object.keys(outcome.summary.formatting), ...Object.keys(outcome.summary.hold)];
    expect(districtCodes.length).toBeGreaterThan(0);
    expect(Object.keys(entries).sort()).toEqual(
      [
        ...Object.keys({ ...school.error, ...school.alert }).map(name),
        name(),
        ...districtCodes.map((code) => csvFileName({ code })),
        ...planted.expected.map((c, k) => causeFileName(k, c)),
        'district-all.csv',
      ].sort(),
    );
    for (const code of districtCodes) {
      // The same name and rows as the page's "Download CSV" of that type.
      const single = await api.download({ kind: 'csv', code });
      expect(single.name).toBe(csvFileName({ code }));
      expect(strFromU8(entries[single.name]), code).toBe(await single.blob.text());
    }
    for (const cause of planted.expected.keys()) {
      // The same name and rows as the fix plan's "Save these records (CSV)".
      const single = await api.download({ kind: 'csv', cause });
      expect(strFromU8(entries[single.name]), single.name).toBe(await single.blob.text());
    }
    for (const [code, n] of Object.entries(school.error)) {
      const text = strFromU8(entries[name(code)]);
      expect(text.trim().split(/\r\n/)).toHaveLength(n + 1);
    }
    const district = await api.download({ kind: 'csv' });
    expect(strFromU8(entries['district-all.csv'])).toBe(await district.blob.text());
  });
});
