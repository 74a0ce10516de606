// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BROKEN_TEACHER_ROW, checked, district } from '../../../tests/fixtures/worker-district.ts';
import { REMIND_1_HEADERS, rowOf } from '../../../tests/fixtures/headers.ts';
import { csv } from '../../../tests/helpers.ts';
import { csvFileName } from '../../core/report/csv.ts';
import { syncState } from '../../core/report/status.ts';
import SchoolDetail from './SchoolDetail.svelte';

const TEACHERS = 120;
const clicked: HTMLAnchorElement[] = [];

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  clicked.length = 0;
});

async function openNorth() {
  const { api, report } = await checked(district(TEACHERS));
  const source = { findings: vi.fn(api.findings), download: vi.fn(api.download) };
  const north = report.summary.schools.find((s) => s.id === 's1')!;
  const onClose = vi.fn();
  render(SchoolDetail, {
    school: north,
    sync: syncState(report.summary),
    rules: report.rules,
    source,
    onClose,
  });
  const group = await screen.findByRole('region', { name: 'Teacher without a usable email address' });
  return { source, group, onClose, rule: report.rules['teacher-email'] };
}

const recordIds = (group: HTMLElement) =>
  within(within(group).getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('code')?.textContent);

describe('a school’s detail', () => {
  it('shows each type with its count, explanation and fix, and links the rule page', async () => {
    const { group, rule } = await openNorth();
    expect(screen.getByRole('heading', { name: 'North' })).toBe(document.activeElement);
    expect(screen.getByRole('heading', { name: `Errors (${TEACHERS})` })).toBeTruthy();
    expect(within(group).getByText(`${TEACHERS} records`)).toBeTruthy();
    expect(within(group).getByText(rule.explanation)).toBeTruthy();
    // Every teacher here lacks an email, so the one fix that applies is the one for "missing".
    expect(await within(group).findByText(rule.fixes.missing)).toBeTruthy();
    expect(within(group).queryByText(rule.fixes.taken)).toBeNull();
    const link = within(group).getByRole('link', { name: 'About teacher-email, opens in a new tab' });
    expect(link.getAttribute('href')).toBe('docs/rules/teacher-email.html');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('shows beside our title the name Remind’s dashboard gives the type', async () => {
    const { group, rule } = await openNorth();
    expect(rule.remindName).toBe('Missing valid email address or email assigned to another user');
    const line = within(group).getByText(/In Remind’s dashboard/);
    expect(line.textContent).toBe(`In Remind’s dashboard: ${rule.remindName}`);
    expect(line.querySelector('q')?.textContent).toBe(rule.remindName);
  });

  it('pages through the affected records, 50 at a time', async () => {
    const { group } = await openNorth();
    await fireEvent.click(within(group).getByRole('button', { name: `Show ${TEACHERS} records` }));
    expect(within(group).getByRole('button', { name: 'Hide records' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(recordIds(group)).toHaveLength(50);
    expect(recordIds(group)[0]).toBe('t000');
    expect(within(group).getByText('Records 1–50 of 120')).toBeTruthy();
    const previous = within(group).getByRole('button', { name: 'Previous' }) as HTMLButtonElement;
    const next = within(group).getByRole('button', { name: 'Next' }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);

    await fireEvent.click(next);
    await within(group).findByText('Records 51–100 of 120');
    expect(recordIds(group)[0]).toBe('t050');
    await fireEvent.click(next);
    await within(group).findByText('Records 101–120 of 120');
    expect(recordIds(group)).toHaveLength(20);
    expect(next.disabled).toBe(true);
    expect(document.activeElement).toBe(previous);

    await fireEvent.click(previous);
    await within(group).findByText('Records 51–100 of 120');
  });

  it('offers a CSV per type and one of all the school’s findings', async () => {
    const { group, source } = await openNorth();
    await fireEvent.click(within(group).getByRole('button', { name: 'Download CSV' }));
    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    expect(source.download).toHaveBeenLastCalledWith({ kind: 'csv', school: 's1', code: 'teacher-email' });
    expect(clicked[0].download).toBe(csvFileName({ school: 's1', code: 'teacher-email' }));
    expect(clicked[0].href).toBe('blob:test');

    await fireEvent.click(screen.getByRole('button', { name: 'Download all' }));
    await vi.waitFor(() => expect(clicked).toHaveLength(2));
    expect(source.download).toHaveBeenLastCalledWith({ kind: 'csv', school: 's1' });
    expect(clicked[1].download).toMatch(/^school-s1-[0-9a-f]{12}-all\.csv$/);
  });

  it('says so when a download cannot be prepared', async () => {
    const { group, source } = await openNorth();
    source.download.mockRejectedValueOnce(new Error('out of memory'));
    await fireEvent.click(within(group).getByRole('button', { name: 'Download CSV' }));
    expect(await within(group).findByText(/could not be prepared \(out of memory\)/)).toBeTruthy();
  });

  it('never calls the "(no school)" bucket fine: its records name no school of the export', async () => {
    const files = district(1);
    const noSchool = {
      school_id: 's9',
      student_id: 'st9',
      student_first_name: 'Cy',
      student_last_name: 'Lo',
      dob: '01/05/2012',
    };
    files['students.csv'] += csv([rowOf(REMIND_1_HEADERS['students.csv'], noSchool)]);
    const { api, report } = await checked(files);
    const bucket = report.summary.schools.find((s) => s.id === null)!;
    expect(bucket.counts.students).toBe(1);
    render(SchoolDetail, {
      school: bucket,
      sync: syncState(report.summary),
      rules: report.rules,
      source: api,
      onClose: vi.fn(),
    });
    expect(screen.getByText(/these records name no school of the export/)).toBeTruthy();
    expect(screen.queryByText(/Nothing to fix/)).toBeNull();
  });

  /** School s3, West, which has no records: its detail region. */
  function showWest(
    report: Awaited<ReturnType<typeof checked>>['report'],
    api: Awaited<ReturnType<typeof checked>>['api'],
  ) {
    render(SchoolDetail, {
      school: report.summary.schools.find((s) => s.id === 's3')!,
      sync: syncState(report.summary),
      rules: report.rules,
      source: api,
      onClose: vi.fn(),
    });
    return screen.getByRole('region', { name: 'West' });
  }

  it('never calls a school without findings ready while a file problem blocks the whole sync', async () => {
    const files = district(1, BROKEN_TEACHER_ROW);
    files['schools.csv'] += csv([['s3', 'West']]);
    const { api, report } = await checked(files);
    expect(report.summary.blocked).toBe(true);
    const detail = showWest(report, api);
    expect(within(detail).getByText('Blocked by file problems')).toBeTruthy();
    expect(within(detail).getByText(/Remind syncs none of them until the file problems/)).toBeTruthy();
    expect(within(detail).queryByText(/Ready|every record gets its account/)).toBeNull();
  });

  // rules.md §7: a hold makes Remind pause the whole sync for review, so no school is "Ready" then.
  it('never calls a school without findings ready while a sync hold pauses the sync', async () => {
    const files = district(1);
    files['schools.csv'] += csv([['s3', 'West']]);
    const guardians = Array.from({ length: 6 }, (_, i) =>
      rowOf(REMIND_1_HEADERS['students.csv'], {
        school_id: 's1',
        student_id: 'st1',
        student_first_name: 'Bo',
        student_last_name: 'Kim',
        dob: '01/05/2012',
        grade: '5',
        guardian_first_name: `G${i}`,
        guardian_last_name: 'Kim',
        guardian_email: `g${i}@x.org`,
      }),
    );
    files['students.csv'] += csv(guardians);
    const { api, report } = await checked(files);
    expect(report.summary.blocked).toBe(false);
    expect(report.summary.hold).toEqual({ 'hold-guardians': 1 });
    const detail = showWest(report, api);
    expect(within(detail).getByText('On hold for review')).toBeTruthy();
    expect(within(detail).getByText(/Remind pauses the district’s sync for review/)).toBeTruthy();
    expect(within(detail).queryByText(/Ready|every record gets its account/)).toBeNull();
  });

  it('goes back to all schools', async () => {
    const { onClose } = await openNorth();
    await fireEvent.click(screen.getByRole('button', { name: 'All schools' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
