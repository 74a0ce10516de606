import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Acknowledgement } from '../core/report/acknowledged.ts';
import { HistoryStore } from './history-store.ts';
import { freshIndexedDb, manyFindings, runReport, school, storeRun } from '../../tests/fixtures/storage.ts';

/** How many times two acknowledgements were compared one with the other. */
const compared = vi.hoisted(() => ({ count: 0 }));
vi.mock('../core/report/acknowledged.ts', async (original) => {
  const real = await original<typeof import('../core/report/acknowledged.ts')>();
  return {
    ...real,
    sameAcknowledgement: (...args: Parameters<typeof real.sameAcknowledgement>) => {
      compared.count++;
      return real.sameAcknowledgement(...args);
    },
  };
});

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => store.close());

const ack = (id: string, note: string | null = null): Acknowledgement => ({
  code: 'parent-contact',
  id,
  field: null,
  value: null,
  note,
});

/** Two districts of one run each: the newer run (of the school "Elsewhere") first. */
async function twoDistricts() {
  const findings = manyFindings(2);
  await storeRun(store, runReport('2026-11-23T09:00:00.000Z', findings), findings);
  await storeRun(
    store,
    runReport('2026-11-24T09:00:00.000Z', findings, [school('x', 'Elsewhere')]),
    findings,
  );
  return store.runs();
}

describe('acknowledgements kept per district', () => {
  it('adds, replaces a note, removes, and keeps districts apart', async () => {
    await store.acknowledge('d1', [ack('p1'), ack('p2', 'known')]);
    await store.acknowledge('d2', [ack('p1', 'elsewhere')]);
    await store.acknowledge('d1', [ack('p2', 'new note')]);
    expect(await store.acknowledgements('d1')).toEqual([ack('p1'), ack('p2', 'new note')]);
    await store.acknowledge('d1', [ack('p1', 'imported')], false);
    expect((await store.acknowledgements('d1'))[0].note).toBeNull();
    await store.unacknowledge('d1', ack('p1', 'any note'));
    expect(await store.acknowledgements('d1')).toEqual([ack('p2', 'new note')]);
    expect(await store.acknowledgements('d2')).toEqual([ack('p1', 'elsewhere')]);
    await store.unacknowledge('d2', ack('p1'));
    expect((await store.allAcknowledgements()).map((r) => r.district)).toEqual(['d1']);
  });

  it('go with their district when its last run is deleted, and with everything', async () => {
    const [other, first] = await twoDistricts();
    await store.acknowledge(first.district, [ack('p1')]);
    await store.acknowledge(other.district, [ack('p2')]);
    expect(await store.deleteRun(first.id!)).toBe(1);
    expect(await store.acknowledgements(first.district)).toEqual([]);
    expect(await store.acknowledgements(other.district)).toEqual([ack('p2')]);
    await store.deleteAll();
    expect(await store.allAcknowledgements()).toEqual([]);
  });
});

describe('adding acknowledgements already stored', () => {
  it('keeps one of each, even when a file names one twice', async () => {
    await store.acknowledge('d1', [ack('p1', 'first'), ack('p1', 'again')], false);
    expect(await store.acknowledgements('d1')).toEqual([ack('p1', 'first')]);
    await store.acknowledge('d1', [ack('p2'), ack('p2', 'later')]);
    expect(await store.acknowledgements('d1')).toEqual([ack('p1', 'first'), ack('p2', 'later')]);
  });

  it('compares each added one with the stored ones by key, not one by one', async () => {
    const many = Array.from({ length: 300 }, (_, i) => ack(`p${i}`));
    await store.acknowledge('d1', many);
    compared.count = 0;
    await store.acknowledge('d1', many, false);
    await store.acknowledge('d1', many);
    // One by one it was 300 × 300 comparisons per call.
    expect(compared.count).toBeLessThan(many.length);
    expect(await store.acknowledgements('d1')).toHaveLength(300);
  });
});

describe('a run kept again in another district', () => {
  it("moves its former district's acknowledgements when it was that district's last run", async () => {
    const [to, from] = await twoDistricts();
    await store.acknowledge(from.district, [ack('p1', 'moved'), ack('p2')]);
    await store.acknowledge(to.district, [ack('p2', 'kept')]);
    expect(await store.deleteRun(from.id!, to.district)).toBe(0);
    expect(await store.acknowledgements(to.district)).toEqual([ack('p2', 'kept'), ack('p1', 'moved')]);
    expect(await store.acknowledgements(from.district)).toEqual([]);
  });
});
