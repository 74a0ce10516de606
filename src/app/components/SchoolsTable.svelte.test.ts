// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SchoolEntry } from '../../shared/report-types.ts';
import SchoolsTable from './SchoolsTable.svelte';

afterEach(cleanup);

const school = (
  id: string | null,
  name: string,
  teachers: number,
  errors: number,
  alerts: number,
): SchoolEntry => ({
  id,
  name,
  counts: { teachers, students: teachers * 20, parents: 0, classes: 0 },
  error: errors ? { 'teacher-email': errors } : {},
  alert: alerts ? { 'device-in-use': alerts } : {},
});

const SCHOOLS = [
  school('s1', 'Adams Elementary', 10, 0, 2),
  school('s2', 'Banks <img src=x onerror=alert(1)>', 30, 4, 1),
  school('s3', 'Carver High', 20, 0, 0),
];

function table() {
  return screen.getByRole('table', { name: 'Schools' });
}

/** The cells of each body row, as text. */
function rows(): string[][] {
  return within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
}

describe('the Schools table', () => {
  it('shows one row per school with its counts and a worded status', () => {
    render(SchoolsTable, { schools: SCHOOLS, onOpen: () => {} });
    expect(rows()).toEqual([
      ['Adams Elementary', '10', '200', '0', '2', '! Alerts only'],
      ['Banks <img src=x onerror=alert(1)>', '30', '600', '4', '1', '✕ Has errors'],
      ['Carver High', '20', '400', '0', '0', '✓ Ready'],
    ]);
    expect(table().querySelector('img')).toBeNull();
  });

  it('sorts with the buttons in the column headers and says so with aria-sort', async () => {
    render(SchoolsTable, { schools: SCHOOLS, onOpen: () => {} });
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    expect(header('School').getAttribute('aria-sort')).toBe('ascending');

    await fireEvent.click(within(header('Teachers')).getByRole('button', { name: 'Teachers' }));
    expect(rows().map((r) => r[1])).toEqual(['30', '20', '10']);
    expect(header('Teachers').getAttribute('aria-sort')).toBe('descending');
    expect(header('School').hasAttribute('aria-sort')).toBe(false);

    await fireEvent.click(screen.getByRole('button', { name: 'Teachers' }));
    expect(rows().map((r) => r[1])).toEqual(['10', '20', '30']);
    expect(header('Teachers').getAttribute('aria-sort')).toBe('ascending');

    await fireEvent.click(screen.getByRole('button', { name: 'Status' }));
    expect(rows().map((r) => r[5])).toEqual(['✕ Has errors', '! Alerts only', '✓ Ready']);
  });

  it('filters by name with a labelled text box', async () => {
    render(SchoolsTable, { schools: SCHOOLS, onOpen: () => {} });
    await fireEvent.input(screen.getByRole('searchbox', { name: 'Filter schools by name' }), {
      target: { value: 'high' },
    });
    expect(rows().map((r) => r[0])).toEqual(['Carver High']);
    expect(screen.getByText('Showing 1 of 3 schools.')).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Filter schools by name'), { target: { value: 'nowhere' } });
    expect(rows()).toEqual([['No school name contains “nowhere”.']]);
  });

  it('opens a school from the button in its row', async () => {
    const onOpen = vi.fn();
    render(SchoolsTable, { schools: SCHOOLS, onOpen });
    await fireEvent.click(screen.getByRole('button', { name: 'Carver High' }));
    expect(onOpen).toHaveBeenCalledWith(SCHOOLS[2]);
  });
});
