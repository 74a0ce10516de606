// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../tests/helpers.ts';
import { plantedCauses } from '../../../tests/fixtures/planted-causes.ts';
import { buildIndex } from '../../worker/finding-index.ts';
import type { Download, DownloadRequest } from '../../worker/api.ts';
import type { FindingFilter, FindingPage } from '../../shared/report-types.ts';
import FixPlan from './FixPlan.svelte';

afterEach(cleanup);

describe('the fix plan', async () => {
  const planted = plantedCauses();
  const result = await run(planted.files);
  const downloads: DownloadRequest[] = [];
  const source = {
    async findings(filter: FindingFilter, offset: number, limit: number): Promise<FindingPage> {
      const { indexes, reasons } = buildIndex(result, filter);
      const items = [...indexes.slice(offset, offset + limit)].map((i) => result.findings.get(i));
      return { total: indexes.length, offset, items, reasons };
    },
    async download(request: DownloadRequest): Promise<Download> {
      downloads.push(request);
      return { name: 'x.csv', blob: new Blob(['']) };
    },
  };
  const show = () =>
    render(FixPlan, { causes: result.summary.causes!, schools: result.summary.schools, source });

  it('lists exactly the planted causes in plan order, with what each clears', () => {
    show();
    const plan = screen.getByRole('region', { name: 'Fix plan' });
    const items = within(plan).getAllByRole('listitem');
    expect(items).toHaveLength(planted.expected.length);
    planted.expected.forEach((c, k) => {
      expect(items[k].textContent).toContain(c.code);
      expect(items[k].textContent).toContain(`clears ${(c.findings + c.knockOn).toLocaleString('en-US')}`);
      if (c.knockOn > 0)
        expect(items[k].textContent).toContain(`${c.knockOn.toLocaleString('en-US')} more finding`);
    });
    expect(within(items[0]).getByText(/Stops the whole sync/)).toBeTruthy();
    expect(plan.textContent).toContain('Fix these 3 things to clear all');
    const docs = within(plan).getByRole('link', { name: 'How causes are counted, opens in a new tab' });
    expect(docs.getAttribute('href')).toBe('docs/causes.html');
  });

  it('shows a cause’s records, knock-on saying what it is because of, and downloads them', async () => {
    show();
    const email = planted.expected.findIndex((c) => c.code === 'teacher-email');
    const item = screen.getAllByRole('listitem')[email];
    await fireEvent.click(within(item).getByRole('button', { name: /Show the records/ }));
    const table = await within(item).findByRole('table');
    expect(within(table).getAllByText(/, because teacher \S+ has no email address\./)).toHaveLength(
      planted.expected[email].knockOn,
    );
    await fireEvent.click(within(item).getByRole('button', { name: 'Save these records (CSV)' }));
    expect(downloads.at(-1)).toEqual({ kind: 'csv', cause: email });
  });
});
