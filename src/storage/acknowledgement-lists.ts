/**
 * A district's list of acknowledged findings, changed in one transaction so tabs do not lose each
 * other's. Two acknowledgements are the same finding when their code, ID, field and value are (the
 * note aside); lists are matched by that key, so adding a hundred thousand already stored stays
 * linear.
 */
import type { IDBPDatabase } from 'idb';
import type { Acknowledgement } from '../core/report/acknowledged.ts';
import type { AcknowledgementRecord, HistoryDb } from './schema.ts';

/** The `acknowledgements` store in a readwrite transaction (of it alone or of several stores). */
interface AcknowledgementStore {
  get(district: string): Promise<AcknowledgementRecord | undefined>;
  put(record: AcknowledgementRecord): Promise<unknown>;
  delete(district: string): Promise<unknown>;
}

/** What tells two acknowledgements apart (sameAcknowledgement's fields: the note aside). */
const acknowledgementKey = (a: Acknowledgement) =>
  JSON.stringify([a.code, a.id, a.field ?? null, a.value ?? null]);

/**
 * `items` with `added` (a note given again replaces the old one; without replaceNotes the note kept
 * is the one in `items`); the same one twice in `added` is kept once.
 */
export function withAcknowledgements(
  items: readonly Acknowledgement[],
  added: readonly Acknowledgement[],
  replaceNotes: boolean,
): Acknowledgement[] {
  const byKey = new Map<string, Acknowledgement>();
  for (const a of items) byKey.set(acknowledgementKey(a), a);
  for (const b of added) {
    const key = acknowledgementKey(b);
    if (replaceNotes || !byKey.has(key)) byKey.set(key, b);
  }
  return [...byKey.values()];
}

/** `items` without `removed` (matched by code, ID, field and value; the note aside). */
export function withoutAcknowledgements(
  items: readonly Acknowledgement[],
  removed: readonly Acknowledgement[],
): Acknowledgement[] {
  const keys = new Set(removed.map(acknowledgementKey));
  return items.filter((a) => !keys.has(acknowledgementKey(a)));
}

/** Replaces the district's list with what `change` makes of it (an empty list removes the record). */
export async function changeAcknowledgements(
  acks: AcknowledgementStore,
  district: string,
  change: (items: Acknowledgement[]) => Acknowledgement[],
): Promise<void> {
  const items = change((await acks.get(district))?.items ?? []);
  await (items.length ? acks.put({ district, items }) : acks.delete(district));
}

/** changeAcknowledgements in a transaction of its own. */
async function changeDistrictAcknowledgements(
  db: IDBPDatabase<HistoryDb>,
  district: string,
  change: (items: Acknowledgement[]) => Acknowledgement[],
): Promise<void> {
  const tx = db.transaction('acknowledgements', 'readwrite');
  await changeAcknowledgements(tx.store, district, change);
  await tx.done;
}

/** Adds these to the district's list (withAcknowledgements), in one transaction. */
export function acknowledge(
  db: IDBPDatabase<HistoryDb>,
  district: string,
  added: readonly Acknowledgement[],
  replaceNotes: boolean,
): Promise<void> {
  return changeDistrictAcknowledgements(db, district, (items) =>
    withAcknowledgements(items, added, replaceNotes),
  );
}

/** Removes these from the district's list (withoutAcknowledgements), in one transaction. */
export function unacknowledge(
  db: IDBPDatabase<HistoryDb>,
  district: string,
  removed: readonly Acknowledgement[],
): Promise<void> {
  return changeDistrictAcknowledgements(db, district, (items) => withoutAcknowledgements(items, removed));
}
