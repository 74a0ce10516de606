// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../shared/report-types.ts';
import SyncBanner from './SyncBanner.svelte';
import { FILES_CANNOT_SHOW, REMOVALS_NOT_CHECKED } from '../../core/report/plan-text.ts';

afterEach(cleanup);

function summary(blocked: boolean, totals: Partial<ReportSummary['totals']>): ReportSummary {
  return {
    reportVersion: 1,
    generatedAt: '2026-11-28T12:00:00.000Z',
    format: { id: 'clever', label: 'Clever', reconstructed: false },
    files: [],
    blocked,
    totals: {
      schools: 2,
      teachers: 0,
      students: 0,
      parents: 0,
      staff: 0,
      classes: 0,
      error: 0,
      alert: 0,
      formatting: 0,
      hold: 0,
      ...totals,
    },
    schools: [
      {
        id: 's1',
        name: 'North',
        counts: { teachers: 0, students: 0, parents: 0, classes: 0 },
        error: { x: 3 },
        alert: {},
      },
      {
        id: 's2',
        name: 'South',
        counts: { teachers: 0, students: 0, parents: 0, classes: 0 },
        error: {},
        alert: {},
      },
    ],
    formatting: {},
    hold: {},
  };
}

describe('the sync banner', () => {
  it.each([
    [
      'blocked',
      summary(true, { formatting: 2, error: 3, hold: 1 }),
      'alert',
      /Remind would not sync these files\..*2 formatting problems/s,
    ],
    [
      'held',
      summary(false, { hold: 1, error: 3 }),
      'status',
      /Remind would pause this sync for review\..*1 sync hold/s,
    ],
    [
      'with errors',
      summary(false, { error: 3 }),
      'status',
      // Errors, not records: one parent can have two (parent-contact and parent-name).
      /with errors\..*3 errors in 1 school: the records they name would get no account/s,
    ],
    [
      'ready',
      summary(false, { alert: 4 }),
      'status',
      /Ready, as far as these files show: Remind would sync them without errors\..*4 alerts/s,
    ],
  ])('when %s, says so with role %s', (_, s, role, text) => {
    render(SyncBanner, { summary: s });
    const banner = screen.getByRole(role);
    expect(banner.textContent!.replace(/\s+/g, ' ')).toMatch(text);
    expect(screen.queryByRole(role === 'alert' ? 'status' : 'alert')).toBeNull();
    // Every verdict, Ready included, says what no check of the files can prove.
    expect(banner.textContent).toContain(FILES_CANNOT_SHOW);
    expect(banner.textContent).toMatch(/device-in-use/);
    // Nothing was compared: removals since Remind's last sync were not checked, and it says so.
    expect(banner.textContent).toContain(REMOVALS_NOT_CHECKED);
  });

  it('leaves out the removals not checked once an earlier run was compared', () => {
    render(SyncBanner, { summary: summary(false, {}), removalsChecked: true });
    const banner = screen.getByRole('status');
    expect(banner.textContent).toMatch(/Ready, as far as these files show/);
    expect(banner.textContent).toContain(FILES_CANNOT_SHOW);
    expect(banner.textContent).not.toContain(REMOVALS_NOT_CHECKED);
  });
});
