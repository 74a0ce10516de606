import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindingList } from '../core/report/build.ts';
import { TODAY } from '../../tests/helpers.ts';
import { checkReportShape } from '../core/report/schema.ts';
import { district, inputFiles } from '../../tests/fixtures/worker-district.ts';
import { createValidator } from './validator.ts';

const TEACHERS_WITHOUT_EMAIL = 12;

async function checked() {
  const api = createValidator();
  const outcome = await api.run({
    input: { kind: 'files', files: inputFiles(district(TEACHERS_WITHOUT_EMAIL)) },
    now: TODAY.toISOString(),
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return { api, outcome };
}

describe('the district’s acknowledgements in the worker', () => {
  it('marks, filters and counts acknowledged findings, and the downloads mark them', async () => {
    const { api } = await checked();
    const all = await api.findings({ code: 'teacher-email' }, 0, 100);
    const [a, b] = all.items;
    const list = [a, b].map((f) => ({ code: f.code, id: f.id!, field: f.field, value: f.value, note: null }));
    expect(await api.acknowledge(list)).toBe(2);

    const marked = await api.findings({ code: 'teacher-email' }, 0, 100);
    expect(marked.total).toBe(all.total);
    expect(marked.items.filter((f) => f.acknowledged).map((f) => f.id)).toEqual([a.id, b.id]);
    expect((await api.findings({ acknowledged: true }, 0, 100)).items.map((f) => f.id)).toEqual([a.id, b.id]);
    const others = await api.findings({ code: 'teacher-email', acknowledged: false }, 0, 100);
    expect(others.total).toBe(all.total - 2);
    expect(others.items.some((f) => f.acknowledged)).toBe(false);

    const csv = (await (await api.download({ kind: 'csv', code: 'teacher-email' })).blob.text()).trim();
    const rows = csv.split('\r\n');
    expect(rows[0].endsWith(',acknowledged')).toBe(true);
    expect(rows.filter((r) => r.endsWith(',yes'))).toHaveLength(2 * a.schools.length);
    const json = JSON.parse(await (await api.download({ kind: 'json' })).blob.text());
    expect(json.totals.acknowledged).toBe(2);
    expect(json.findings.filter((f: { acknowledged?: true }) => f.acknowledged)).toHaveLength(2);
    expect(checkReportShape(json)).toEqual([]);

    // Taken back: nothing is marked, and the JSON keeps report.md's shape.
    expect(await api.acknowledge([])).toBe(0);
    expect((await api.findings({ acknowledged: true }, 0, 10)).total).toBe(0);
    const plain = JSON.parse(await (await api.download({ kind: 'json' })).blob.text());
    expect(plain.totals).not.toHaveProperty('acknowledged');
  });

  it('forgets them when the check is compared again (another district’s may apply)', async () => {
    const { api } = await checked();
    const [f] = (await api.findings({}, 0, 1)).items;
    await api.acknowledge([{ code: f.code, id: f.id! }]);
    await api.compareAgain(null);
    expect((await api.findings({ acknowledged: true }, 0, 10)).total).toBe(0);
  });

  describe('the work of one acknowledge click', () => {
    afterEach(() => vi.restoreAllMocks());

    it('makes whole only the findings of the acknowledged records, and keeps the other lists', async () => {
      const { api } = await checked();
      const north = { school: 's1', code: 'teacher-email' };
      const [first] = (await api.findings(north, 0, 100)).items;
      const made = vi.spyOn(FindingList.prototype, 'get');
      const schools = vi.spyOn(FindingList.prototype, 'schoolsOf');
      await api.acknowledge([{ code: first.code, id: first.id!, field: first.field, value: first.value }]);
      // One finding matches: it alone is made whole (not each of its code's 12).
      expect(made).toHaveBeenCalledTimes(1);
      // The list asked for before, which does not ask about acknowledgements, is not built again.
      await api.findings(north, 0, 1);
      expect(schools).not.toHaveBeenCalled();
      await api.findings({ ...north, acknowledged: false }, 0, 1);
      expect(schools).toHaveBeenCalled();
    });
  });
});
