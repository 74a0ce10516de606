// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checked, district } from '../../../tests/fixtures/worker-district.ts';
import { freshIndexedDb } from '../../../tests/fixtures/storage.ts';
import { HistoryStore } from '../../storage/history-store.ts';
import { AcknowledgementState } from '../history/acknowledgements.svelte.ts';
import AcknowledgedGroup from './AcknowledgedGroup.svelte';
import FindingGroup from './FindingGroup.svelte';

const SLOW = { timeout: 5000 };
let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => {
  cleanup();
  store.close();
});

/** North's 120 teachers without email, listed 50 at a time, with the acknowledged ones apart. */
async function northRecords() {
  const { api, report } = await checked(district(120));
  const acks = new AcknowledgementState(store);
  await acks.attach('d1', (list) => api.acknowledge(list));
  const source = { findings: api.findings, download: api.download };
  const rule = report.rules['teacher-email'];
  const filter = { school: 's1', code: 'teacher-email' };
  render(FindingGroup, { rule, total: 120, filter, source, acks });
  render(AcknowledgedGroup, { acks, source, scope: 'in the district' });
  await fireEvent.click(await screen.findByRole('button', { name: 'Show 120 records' }, SLOW));
  const table = await screen.findByRole('table', { name: `Records: ${rule.title}` }, SLOW);
  return { table, rule };
}

const buttonsOf = (table: HTMLElement) => within(table).getAllByRole('button', { name: /^Acknowledge / });

describe('acknowledging from a list of records', () => {
  it('keeps the list on its page and moves focus to the record now in its place', async () => {
    const { table } = await northRecords();
    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Records 51–100 of 120', {}, SLOW);
    const [, second, third] = buttonsOf(table);
    const next = third.getAttribute('aria-label');
    await fireEvent.click(second);
    const form = screen.getByRole('form', { name: second.getAttribute('aria-label')! });
    await fireEvent.click(within(form).getByRole('button', { name: 'Save acknowledgement' }));
    // The same page, one record fewer in the list; focus on the record that took its place.
    await screen.findByText('Records 51–100 of 119', {}, SLOW);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(next), SLOW);
    expect(screen.getByRole('table', { name: /^Records: / })).toBe(table);
    // Said in the status the acknowledged group keeps (role=status, announced).
    expect(screen.getByText(/^Acknowledged: teacher /).getAttribute('role')).toBe('status');
  });

  it('takes an acknowledgement back and moves focus to the heading when the list is left empty', async () => {
    const { table } = await northRecords();
    const [first] = buttonsOf(table);
    const record = first.getAttribute('aria-label')!.replace('Acknowledge ', '');
    await fireEvent.click(first);
    await fireEvent.click(screen.getByRole('button', { name: 'Save acknowledgement' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Show 1 acknowledged' }, SLOW));
    const list = await screen.findByRole('table', { name: 'Acknowledged findings in the district' }, SLOW);
    await fireEvent.click(within(list).getByRole('button', { name: `Un-acknowledge ${record}` }));
    await screen.findByText(`No longer acknowledged: ${record}.`, {}, SLOW);
    const heading = screen.getByRole('heading', { name: 'Acknowledged findings' });
    await waitFor(() => expect(document.activeElement).toBe(heading), SLOW);
    // Back in the records, on their first page, focus where the records list put it.
    await screen.findByText('Records 1–50 of 120', {}, SLOW);
  });

  it('stays on its page when acknowledging becomes possible (the run is kept) while the person pages', async () => {
    const { api, report } = await checked(district(120));
    const acks = new AcknowledgementState(store);
    const source = { findings: api.findings, download: api.download };
    const rule = report.rules['teacher-email'];
    render(FindingGroup, { rule, total: 120, filter: { school: 's1', code: 'teacher-email' }, source, acks });
    await fireEvent.click(await screen.findByRole('button', { name: 'Show 120 records' }, SLOW));
    await fireEvent.click(await screen.findByRole('button', { name: 'Next' }, SLOW));
    await screen.findByText('Records 51–100 of 120', {}, SLOW);
    // The list is replaced (it now leaves acknowledged records out): its table never vanishes meanwhile.
    let vanished = false;
    const watch = new MutationObserver(() => {
      if (!screen.queryByRole('table', { name: `Records: ${rule.title}` })) vanished = true;
    });
    watch.observe(document.body, { childList: true, subtree: true });
    await acks.attach('d1', (list) => api.acknowledge(list));
    const table = await screen.findByRole('table', { name: `Records: ${rule.title}` }, SLOW);
    await waitFor(() => expect(buttonsOf(table)).toHaveLength(50), SLOW);
    expect(screen.getByText('Records 51–100 of 120')).toBeTruthy();
    watch.disconnect();
    expect(vanished).toBe(false);
  });
});
