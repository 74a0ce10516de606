/**
 * The new and resolved findings of a stored run, listed as for a run just checked: computed again
 * from what the history kept of this run and of the run it was compared with (its changes.since),
 * with the same matching and the same limits as the recorder. When either run kept its counts only,
 * or the earlier one is gone, the lists cannot be made and the page says why.
 */
import type { Finding } from '../../core/report/types.ts';
import { unpackFinding } from '../../storage/codec.ts';
import type { HistoryStore } from '../../storage/history-store.ts';
import type { RunDetails, RunHead } from '../../storage/schema.ts';
import { ChangeCounter, comparable } from './changes.ts';
import { LISTED_CHANGES, resolvedFindings } from './recorder.ts';

/** Why a stored run's changes are counted but not listed. */
export type UnlistedBecause = 'counts-only' | 'earlier-counts-only' | 'earlier-gone' | 'unreadable';

export type StoredChangeLists =
  { lists: { new: Finding[]; resolved: Finding[] } } | { because: UnlistedBecause };

/**
 * Null when the run was compared with no earlier run (there is nothing to list), or when `signal`
 * stopped it: the view closed or another run was opened (both runs' findings are read whole, a
 * million each, so a run left behind must not keep reading).
 */
export async function storedChangeLists(
  store: HistoryStore,
  head: RunHead,
  details: RunDetails,
  limit = LISTED_CHANGES,
  signal?: AbortSignal,
): Promise<StoredChangeLists | null> {
  const { changes } = head;
  if (!changes) return null;
  if (head.kept !== 'findings') return { because: 'counts-only' };
  try {
    // An import that did not bring the earlier run marks it -1.
    const earlier = changes.since >= 0 ? await store.run(changes.since) : null;
    if (!earlier) return { because: 'earlier-gone' };
    if (earlier.kept !== 'findings') return { because: 'earlier-counts-only' };
    const counter = new ChangeCounter<Finding>({ lists: limit });
    for await (const chunk of store.findings(earlier)) {
      if (signal?.aborted) return null;
      for (const p of chunk) counter.addPrevious(comparable(p));
    }
    for await (const chunk of store.findings(head)) {
      if (signal?.aborted) return null;
      for (const p of chunk) counter.addCurrent(unpackFinding(p, details.rules));
    }
    if (signal?.aborted) return null;
    const { lists } = counter.result();
    const resolved = await resolvedFindings(store, earlier, lists!.resolvedAt);
    return { lists: { new: lists!.new, resolved } };
  } catch {
    return { because: 'unreadable' };
  }
}
