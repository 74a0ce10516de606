// @vitest-environment jsdom
// The Errors and Alerts counts of the Schools table open that school at its errors or alerts.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checked, district } from '../../../tests/fixtures/worker-district.ts';
import { syncState } from '../../core/report/status.ts';
import type { SchoolEntry } from '../../shared/report-types.ts';
import SchoolDetail from './SchoolDetail.svelte';
import SchoolsTable from './SchoolsTable.svelte';

afterEach(cleanup);

const school = (id: string, name: string, errors: number, alerts: number): SchoolEntry => ({
  id,
  name,
  counts: { teachers: 1, students: 1, parents: 0, classes: 0 },
  error: errors ? { 'teacher-email': errors } : {},
  alert: alerts ? { 'device-in-use': alerts } : {},
});

describe('count links', () => {
  it('a school’s Errors and Alerts counts open it at its errors or alerts; zero is no link', async () => {
    const onOpen = vi.fn();
    const schools = [school('s1', 'Adams', 0, 2), school('s2', 'Banks', 4, 1)];
    render(SchoolsTable, { schools, sync: 'clear', onOpen });
    // The row header names the school; the count's own name is its number and type.
    const row = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;
    await fireEvent.click(within(row('Banks')).getByRole('button', { name: '4 errors' }));
    expect(onOpen).toHaveBeenLastCalledWith(schools[1], 'error');
    await fireEvent.click(within(row('Adams')).getByRole('button', { name: '2 alerts' }));
    expect(onOpen).toHaveBeenLastCalledWith(schools[0], 'alert');
    expect(within(row('Adams')).queryByRole('button', { name: /errors/ })).toBeNull();
  });

  it.each([
    ['error', /^Errors \(/],
    ['alert', /^Alerts \(/],
    [null, /^North$/],
  ] as const)('the detail opened at %s focuses that part', async (at, heading) => {
    const { api, report } = await checked(
      district(3, ['s1', 'tx', 'Ty', 'Lee', 'tx@x.org', '+44 20 7946 0958']),
    );
    const north = report.summary.schools.find((s) => s.id === 's1')!;
    const source = { findings: api.findings, download: api.download };
    render(SchoolDetail, {
      school: north,
      sync: syncState(report.summary),
      rules: report.rules,
      source,
      onClose: () => {},
      at,
    });
    expect(document.activeElement?.textContent?.trim()).toMatch(heading);
  });
});
