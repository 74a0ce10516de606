// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SchoolEntry } from '../../shared/report-types.ts';
import { PAGE_ROWS } from '../schools/pages.ts';
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
    render(SchoolsTable, { schools: SCHOOLS, sync: 'clear', onOpen: () => {} });
    expect(rows()).toEqual([
      ['Adams Elementary', '10', '200', '0', '2', '! Alerts only'],
      ['Banks <img src=x onerror=alert(1)>', '30', '600', '4', '1', '✕ Has errors'],
      ['Carver High', '20', '400', '0', '0', '✓ Ready'],
    ]);
    expect(table().querySelector('img')).toBeNull();
  });

  it('never says "Ready" while a file problem blocks the whole sync', async () => {
    render(SchoolsTable, { schools: SCHOOLS, sync: 'blocked', onOpen: () => {} });
    const status = (name: string) =>
      within(screen.getByRole('rowheader', { name }).closest('tr')!).getAllByRole('cell').at(-1)!.textContent;
    expect(status('Carver High')).toMatch(/^\S+ Blocked by file problems$/);
    // The schools' own errors and alerts still need fixing: they keep their status.
    expect(status('Adams Elementary')).toBe('! Alerts only');
    expect(screen.queryByText(/Ready/)).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Status' }));
    expect(rows().map((r) => r[0])).toEqual([
      'Banks <img src=x onerror=alert(1)>',
      'Adams Elementary',
      'Carver High',
    ]);
  });

  it('never says "Ready" while a sync hold pauses the whole sync for review', () => {
    render(SchoolsTable, { schools: SCHOOLS, sync: 'held', onOpen: () => {} });
    const status = (name: string) =>
      within(screen.getByRole('rowheader', { name }).closest('tr')!).getAllByRole('cell').at(-1)!.textContent;
    expect(status('Carver High')).toMatch(/^\S+ On hold for review$/);
    expect(status('Banks <img src=x onerror=alert(1)>')).toBe('✕ Has errors');
    expect(screen.queryByText(/Ready/)).toBeNull();
  });

  it('sorts with the buttons in the column headers and says so with aria-sort', async () => {
    render(SchoolsTable, { schools: SCHOOLS, sync: 'clear', onOpen: () => {} });
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
    render(SchoolsTable, { schools: SCHOOLS, sync: 'clear', onOpen: () => {} });
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
    render(SchoolsTable, { schools: SCHOOLS, sync: 'clear', onOpen });
    await fireEvent.click(screen.getByRole('button', { name: 'Carver High' }));
    expect(onOpen).toHaveBeenCalledWith(SCHOOLS[2]);
  });
});

describe('a district with more schools than one page', () => {
  /** Faster than role queries over hundreds of rows in jsdom. */
  const bodyRows = () => [...table().querySelectorAll('tbody tr')];
  const names = () => bodyRows().map((r) => r.querySelector('th')!.textContent!.trim());
  const pageButton = (name: string) =>
    [...document.querySelectorAll<HTMLButtonElement>('nav[aria-label="Pages of schools"] button')].find(
      (b) => b.textContent!.trim() === name,
    )!;
  const many = Array.from({ length: 1234 }, (_, i) =>
    school(`s${i}`, `School ${String(i).padStart(4, '0')}`, i % 7, i % 3, 0),
  );

  it('draws one page of rows, and tells assistive technology every school is a row', async () => {
    render(SchoolsTable, { schools: many, sync: 'clear', onOpen: () => {} });
    expect(bodyRows()).toHaveLength(PAGE_ROWS);
    expect(table().getAttribute('aria-rowcount')).toBe('1235');
    expect(
      bodyRows()
        .map((r) => r.getAttribute('aria-rowindex'))
        .slice(0, 2),
    ).toEqual(['2', '3']);
    expect(screen.getByText(`Schools 1–${PAGE_ROWS} of 1,234`)).toBeTruthy();
    expect(pageButton('Previous schools').hasAttribute('disabled')).toBe(true);

    const pages = Math.ceil(1234 / PAGE_ROWS);
    for (let p = 1; p < pages; p++) await fireEvent.click(pageButton('Next schools'));
    expect(names()).toHaveLength(1234 - (pages - 1) * PAGE_ROWS);
    expect(names()[233]).toBe('School 1233');
    expect(bodyRows().at(-1)!.getAttribute('aria-rowindex')).toBe('1235');
    expect(pageButton('Next schools').hasAttribute('disabled')).toBe(true);
  });

  it('filters and sorts every school, not only the page shown, and starts again at the first page', async () => {
    const onOpen = vi.fn();
    render(SchoolsTable, { schools: many, sync: 'clear', onOpen });
    await fireEvent.click(pageButton('Next schools'));
    await fireEvent.input(document.querySelector('#school-filter')!, {
      target: { value: 'School 12' },
    });
    expect(names()).toEqual(Array.from({ length: 34 }, (_, i) => `School ${1200 + i}`));
    expect(table().hasAttribute('aria-rowcount')).toBe(false); // one page: every row is there
    // The rows drawn are refilled, not made anew: each still opens its own school.
    await fireEvent.click(bodyRows()[3].querySelector('th button')!);
    expect(onOpen).toHaveBeenLastCalledWith(many[1203]);
    expect(bodyRows()[3].querySelector('th button')!.getAttribute('data-school-key')).toBe('id:s1203');
    await fireEvent.input(document.querySelector('#school-filter')!, { target: { value: '' } });
    await fireEvent.click(table().querySelector('thead button')!);
    expect(names()[0]).toBe('School 1233'); // Z→A over all 1 234
  });
});
