// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BROKEN_TEACHER_ROW, checked, district } from '../../../tests/fixtures/worker-district.ts';
import { REMOVALS_NOT_CHECKED } from '../../core/report/plan-text.ts';
import ReportOverview from './ReportOverview.svelte';

afterEach(cleanup);

describe('the report overview', () => {
  // Runs saved before file names were made unique list a name twice (a.zip and b.zip both holding
  // students.csv); opening one from the history must still show it, each file on its own line.
  it('lists files that share a name, in the file list and the file problems', async () => {
    const { api, report } = await checked(district(1, BROKEN_TEACHER_ROW));
    const files = report.summary.files;
    const twice = [...files, { ...files[0] }];
    const problems = [...report.fileProblems, { ...report.fileProblems[0] }];
    render(ReportOverview, {
      report: { ...report, summary: { ...report.summary, files: twice }, fileProblems: problems },
      source: { findings: api.findings, download: api.download },
      formatChosen: false,
      onFormat: vi.fn(),
      onOpenSchool: vi.fn(),
      readOnly: true,
    });
    const listed = screen.getByText(/files? \(.*\) checked/).closest('details')!;
    const names = within(listed)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('code')?.textContent);
    expect(names).toEqual(twice.map((f) => f.name));
    const table = screen.getByRole('table', { name: 'File problems by file' });
    expect(within(table).getAllByRole('row')).toHaveLength(problems.length + 1);
  });

  it('says removals were not checked until the history compared the run with an earlier one', async () => {
    const { api, report } = await checked(district(1, BROKEN_TEACHER_ROW));
    const props = {
      report,
      source: { findings: api.findings, download: api.download },
      formatChosen: false,
      onFormat: vi.fn(),
      onOpenSchool: vi.fn(),
    };
    const saved = { save: { kind: 'saved' as const, run: 2 }, changes: null, schools: null };
    const { rerender } = render(ReportOverview, props);
    const limits = () => document.querySelector('.banner .limits')!.textContent!;
    expect(limits()).toContain(REMOVALS_NOT_CHECKED);
    await rerender({ ...props, note: { ...saved, sinceAt: null } });
    expect(limits()).toContain(REMOVALS_NOT_CHECKED);
    await rerender({ ...props, note: { ...saved, sinceAt: '2026-12-01T10:00:00.000Z' } });
    expect(limits()).not.toContain(REMOVALS_NOT_CHECKED);
  });
});
