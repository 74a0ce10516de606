import { describe, expect, it } from 'vitest';
import { TODAY } from '../../tests/helpers.ts';
import { plantedCauses } from '../../tests/fixtures/planted-causes.ts';
import type { InputFile } from './api.ts';
import { createValidator } from './validator.ts';

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
