// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding, SchoolEntry } from '../../shared/report-types.ts';
import ChangeLists from './ChangeLists.svelte';

const made: Blob[] = [];
const names: string[] = [];
beforeEach(() => {
  URL.createObjectURL = vi.fn((blob: Blob) => {
    made.push(blob);
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  made.length = 0;
  names.length = 0;
});

const finding = (id: string, schools: (string | null)[]): Finding => ({
  severity: 'error',
  code: 'teacher-email',
  reason: 'missing',
  entity: 'teacher',
  id,
  name: `Teacher ${id}`,
  schools,
  file: 'teachers.csv',
  row: 2,
  field: 'email',
  value: null,
  otherId: null,
  message: `Teacher ${id} has no email address.`,
  fix: 'Add it.',
});
const school = (id: string | null, name: string): SchoolEntry => ({
  id,
  name,
  counts: { teachers: 0, students: 0, parents: 0, classes: 0 },
  error: {},
  alert: {},
});

describe('the lists of new and resolved findings', () => {
  it('says when a list holds only the first of its findings', () => {
    render(ChangeLists, {
      lists: { new: [finding('n1', ['s1'])], resolved: [] },
      totals: { new: 150_000, resolved: 0 },
      schools: [school('s1', 'North')],
      rules: {},
      day: '2026-12-07',
    });
    expect(screen.getByText('New findings (150,000)')).toBeTruthy();
    expect(screen.getByText(/The first 1 are listed here/)).toBeTruthy();
    expect(screen.queryByText(/Resolved findings/)).toBeNull();
  });

  const resolved = Array.from({ length: 60 }, (_, i) => finding(`t${i}`, [i < 55 ? 's1' : 's2']));
  const lists = { new: [finding('n1', ['s2'])], resolved };

  it('pages each list, filters it by school and downloads it as CSV', async () => {
    render(ChangeLists, {
      lists,
      totals: { new: 1, resolved: 60 },
      schools: [school('s1', 'North'), school('s2', 'South')],
      rules: {},
      day: '2026-12-07',
    });
    expect(screen.getByText('New findings (1)')).toBeTruthy();
    await fireEvent.click(screen.getByText('Resolved findings (60)'));
    const table = screen.getByRole('table', { name: 'Resolved findings' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('1–50 of 60')).toBeTruthy();
    await fireEvent.click(screen.getAllByRole('button', { name: 'Next' })[0]);
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(within(table).getAllByRole('row')[10].textContent).toMatch(/t59.*South/);

    const select = screen.getAllByLabelText('School')[1];
    await fireEvent.change(select, { target: { value: '=s2' } });
    expect(within(table).getAllByRole('row')).toHaveLength(6);

    await fireEvent.click(screen.getAllByRole('button', { name: /Download CSV/ })[1]);
    expect(names).toEqual(['2026-12-07-s2-resolved.csv']);
    const lines = (await made[0].text()).trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^s2,South,error,teacher-email,missing,teacher,t55,/);
  });
});

describe("one school's lists of new and resolved findings", () => {
  it('lists, counts as cut and downloads only that school, without a school menu', async () => {
    const resolved = [finding('t1', ['s1']), finding('t2', ['s2']), finding('t3', ['s1', 's2'])];
    render(ChangeLists, {
      lists: { new: [finding('n1', ['s1'])], resolved },
      totals: { new: 0, resolved: 3 },
      schools: [school('s1', 'North'), school('s2', 'South')],
      rules: {},
      day: '2026-12-07',
      only: 's2',
    });
    expect(screen.queryByText(/New findings/)).toBeNull();
    await fireEvent.click(screen.getByText('Resolved findings (3)'));
    expect(screen.queryByLabelText('School')).toBeNull();
    const table = screen.getByRole('table', { name: 'Resolved findings' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.querySelectorAll('td')[1]?.textContent),
    ).toEqual([undefined, 't2', 't3']);
    // The school counts 3, the list (cut for the district) holds 2 of them.
    expect(screen.getByText(/The first 2 are listed here/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: /Download CSV/ }));
    expect(names).toEqual(['2026-12-07-s2-resolved.csv']);
    const lines = (await made[0].text()).trim().split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['s2,South', 's2,South']);
  });
});
