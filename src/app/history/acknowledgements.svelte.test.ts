import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAcknowledgements, type Acknowledgement } from '../../core/report/acknowledged.ts';
import { HistoryStore } from '../../storage/history-store.ts';
import { finding, freshIndexedDb } from '../../../tests/fixtures/storage.ts';
import { AcknowledgementState } from './acknowledgements.svelte.ts';

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => store.close());

/** A worker stand-in: records what was applied, answers how many of `ids` it matches. */
function worker(ids: string[]) {
  const applied: Acknowledgement[][] = [];
  const apply = async (list: Acknowledgement[]) => {
    applied.push(list);
    return list.filter((a) => ids.includes(a.id)).length;
  };
  return { applied, apply };
}

describe('the acknowledgements of the current run’s district', () => {
  it('applies the district’s list once attached, and each change; nothing before', async () => {
    const acks = new AcknowledgementState(store);
    const t1 = finding('t1', 's1');
    expect(await acks.acknowledge(t1, 'x')).toBe(false); // no district yet
    await store.acknowledge('d1', [
      { code: 'teacher-email', id: 't2', field: null, value: null, note: null },
    ]);
    const { applied, apply } = worker(['t1', 't2']);
    await acks.attach('d1', apply);
    expect([acks.active, acks.count, applied.length]).toEqual([true, 1, 1]);
    const version = acks.version;

    expect(await acks.acknowledge(t1, ' on leave ')).toBe(true);
    expect(acks.count).toBe(2);
    expect(acks.version).toBeGreaterThan(version);
    expect(acks.of({ ...t1, acknowledged: true })?.note).toBe('on leave');
    expect(acks.message).toBe('Acknowledged: teacher t1.');

    expect(await acks.unacknowledge(t1)).toBe(true);
    expect((await store.acknowledgements('d1')).map((a) => a.id)).toEqual(['t2']);
    expect(applied.at(-1)!.map((a) => a.id)).toEqual(['t2']);

    acks.detach();
    expect([acks.active, acks.count, acks.list]).toEqual([false, 0, []]);
  });

  it('downloads a file the command line’s --acknowledged reads', async () => {
    const acks = new AcknowledgementState(store);
    await acks.attach('d1', worker([]).apply);
    await acks.acknowledge(finding('t1', 's1'), 'known');
    const file = JSON.parse(await acks.file().text());
    expect(Object.keys(file)).toEqual(['acknowledged']);
    expect(readAcknowledgements(file)).toEqual(await store.acknowledgements('d1'));
    expect(file.acknowledged[0]).toMatchObject({ code: 'teacher-email', id: 't1', note: 'known' });
  });

  it('ignores a list that arrives after another check detached it', async () => {
    const acks = new AcknowledgementState(store);
    const attaching = acks.attach('d1', worker([]).apply);
    acks.detach();
    await attaching;
    expect(acks.active).toBe(false);
  });

  it('adds the acknowledgements of a file of the command line’s form, and names what is wrong with others', async () => {
    const acks = new AcknowledgementState(store);
    const { applied, apply } = worker(['t1']);
    await acks.attach('d1', apply);
    await acks.acknowledge(finding('t1', 's1'), 'mine');
    const file = (data: unknown) => new Blob([typeof data === 'string' ? data : JSON.stringify(data)]);
    const list = [
      { code: 'teacher-email', id: 't1', field: 'email', note: 'theirs' },
      { code: 'parent-contact', id: 'p1', field: null, value: null, note: null, extra: 1 },
    ];
    expect(await acks.addFile(file({ acknowledged: list }))).toBe(true);
    expect(acks.message).toBe('1 acknowledged finding added from the file.');
    expect(await store.acknowledgements('d1')).toEqual([
      { code: 'teacher-email', id: 't1', field: 'email', value: null, note: 'mine' },
      { code: 'parent-contact', id: 'p1', field: null, value: null, note: null },
    ]);
    expect(applied.at(-1)).toHaveLength(2);

    expect(await acks.addFile(file('nope'))).toBe(false);
    expect(acks.message).toMatch(/not JSON/);
    expect(await acks.addFile(file({ acknowledged: [{ code: 'x' }] }))).toBe(false);
    expect(acks.message).toBe(
      'This file is not a list of acknowledged findings: acknowledged[0].id is not a record ID.',
    );
    expect(await store.acknowledgements('d1')).toHaveLength(2);
  });

  it('un-acknowledging takes back a broader acknowledgement from a file too, and says so', async () => {
    const acks = new AcknowledgementState(store);
    const t1 = { ...finding('t1', 's1'), value: 'x@' };
    await store.acknowledge('d1', [
      { code: t1.code, id: 't1', field: null, value: null, note: 'from a file' },
      { code: t1.code, id: 't1', field: t1.field, value: 'x@', note: 'mine' },
      { code: t1.code, id: 't2', field: null, value: null, note: null },
    ]);
    await acks.attach('d1', worker([]).apply);
    expect(acks.of(t1)).toBeDefined();
    expect(await acks.unacknowledge(t1)).toBe(true);
    expect(acks.of(t1)).toBeUndefined();
    expect((await store.acknowledgements('d1')).map((a) => a.id)).toEqual(['t2']);
    expect(acks.message).toBe(
      `No longer acknowledged: teacher t1, nor its other ${t1.code} findings (an acknowledgement from a file covered them all).`,
    );
  });
});
