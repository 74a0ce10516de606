/**
 * Opening a run kept in the history: its report read back from storage and, when its findings were
 * kept in a district, that district's acknowledgements of today applied to them, with the same
 * buttons as on a fresh run (docs/dev/decisions.md). A run whose files name no school is in no
 * district (the pool of such runs), so nothing can be acknowledged on it.
 */
import { NO_SCHOOLS_DISTRICT } from '../../storage/district.ts';
import type { HistoryStore } from '../../storage/history-store.ts';
import type { RunHead } from '../../storage/schema.ts';
import { AcknowledgementState } from './acknowledgements.svelte.ts';
import { StoredRunSource } from './stored-source.ts';

export interface OpenedRun {
  source: StoredRunSource;
  /** Null: the run kept its counts only, or it is of no district. */
  acks: AcknowledgementState | null;
}

export async function openStoredRun(
  history: { store: HistoryStore; acknowledgements: AcknowledgementState },
  head: RunHead,
): Promise<OpenedRun> {
  const details = await history.store.details(head.id!);
  if (!details) throw new Error('this run is no longer in the history');
  const source = new StoredRunSource(history.store, head, details);
  if (head.kept !== 'findings' || head.district === NO_SCHOOLS_DISTRICT) return { source, acks: null };
  // Acknowledging here changes the district's list: the current run's marks follow it.
  const acks = new AcknowledgementState(history.store, () => void history.acknowledgements.reload());
  void acks.attach(head.district, (list) => source.acknowledge(list));
  return { source, acks };
}
