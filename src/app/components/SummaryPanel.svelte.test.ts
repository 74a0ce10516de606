// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../tests/helpers.ts';
import { plantedCauses } from '../../../tests/fixtures/planted-causes.ts';
import { summaryMarkdown } from '../../core/report/summary-md.ts';
import SummaryPanel from './SummaryPanel.svelte';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.documentElement.classList.remove('print-summary');
});

describe('the summary panel', async () => {
  const { summary } = await run(plantedCauses().files);
  const markdown = summaryMarkdown(summary);

  it('shows the Markdown and copies it', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    render(SummaryPanel, { summary });
    expect(screen.queryByLabelText('Summary as Markdown')).toBeNull();
    const details = screen.getByText('Show the summary').closest('details')!;
    details.open = true;
    await fireEvent(details, new Event('toggle'));
    expect(screen.getByLabelText('Summary as Markdown').textContent).toBe(markdown);
    await fireEvent.click(screen.getByRole('button', { name: 'Copy summary as Markdown' }));
    expect(writeText).toHaveBeenCalledWith(markdown);
    expect(screen.getByRole('status').textContent).toMatch(/copied/);
  });

  it('says how to copy by hand when the browser refuses', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: async () => Promise.reject(new Error('denied')) } });
    render(SummaryPanel, { summary });
    await fireEvent.click(screen.getByRole('button', { name: 'Copy summary as Markdown' }));
    expect(screen.getByRole('status').textContent).toMatch(/select the text/);
  });

  it('prints the summary alone', async () => {
    const print = vi.fn(() =>
      expect(document.documentElement.classList.contains('print-summary')).toBe(true),
    );
    vi.stubGlobal('print', print);
    render(SummaryPanel, { summary });
    await fireEvent.click(screen.getByRole('button', { name: 'Print summary' }));
    await vi.waitFor(() => expect(print).toHaveBeenCalledOnce());
    expect(screen.getByLabelText('Summary as Markdown').closest('details')!.open).toBe(true);
    window.dispatchEvent(new Event('afterprint'));
    expect(document.documentElement.classList.contains('print-summary')).toBe(false);
  });
});
