import { IDBObjectStore as FakeObjectStore, IDBOpenDBRequest as FakeOpenRequest } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageError, storageError } from './db.ts';
import { HistoryStore } from './history-store.ts';
import { DB_NAME, DB_VERSION } from './schema.ts';
import { freshIndexedDb, manyFindings, runReport, storeRun } from '../../tests/fixtures/storage.ts';

let store: HistoryStore;
beforeEach(() => {
  freshIndexedDb();
  store = new HistoryStore();
});
afterEach(() => {
  store.close();
  vi.restoreAllMocks();
});

const MON = '2026-11-23T09:00:00.000Z';
const TUE = '2026-11-24T09:00:00.000Z';

async function failure(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

/** A raw connection, as another tab would hold it. */
function otherTab(version: number, onVersionChange?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, version);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains('runs'))
        request.result.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => onVersionChange?.(db);
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the other tab was blocked'));
  });
}

/** An open request that fails as a browser refusing storage makes it fail. */
function failingOpen(name: string): IDBOpenDBRequest {
  const request = new FakeOpenRequest() as unknown as IDBOpenDBRequest & { readyState: string };
  setTimeout(() => {
    request.readyState = 'done';
    Object.assign(request, { error: new DOMException('A mutation operation was not allowed.', name) });
    // fake-indexeddb's own event shape (its Event class is not exported)
    const phases = { NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 };
    const event = { type: 'error', initialized: true, eventPath: [], ...phases, preventDefault() {} };
    request.dispatchEvent(event as unknown as Event);
  });
  return request;
}

describe('when the browser will not keep the history', () => {
  it.each([
    ['there is no IndexedDB at all', undefined],
    [
      'opening is refused (private mode, storage turned off)',
      {
        open() {
          throw new DOMException('denied', 'SecurityError');
        },
      },
    ],
    [
      'the open request fails with InvalidStateError (Firefox private browsing)',
      { open: () => failingOpen('InvalidStateError') },
    ],
  ])('says the history is unavailable when %s', async (_, factory) => {
    globalThis.indexedDB = factory as unknown as IDBFactory;
    const error = await failure(store.runs());
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/private browsing/);
  });

  it('reports a full disk as a quota problem and keeps the earlier runs', async () => {
    await storeRun(store, runReport(MON, manyFindings(3)), manyFindings(3));
    const put = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'findings')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    const error = await failure(storeRun(store, runReport(TUE, manyFindings(3)), manyFindings(3)));
    expect(error.kind).toBe('quota');
    expect(error.message).toBe('The browser has no room left for the history.');
    const runs = await store.runs();
    expect(runs.map((r) => r.at)).toEqual([MON]);
    expect(runs[0].findingCount).toBe(3);
  });

  it('does not wait forever for an older tab that keeps the database open, and works once it is closed', async () => {
    const old = await otherTab(1); // ignores versionchange, like an old build
    const error = await failure(store.ready());
    expect(error.kind).toBe('blocked');
    expect(error.message).toMatch(/another tab/);
    old.close();
    await new Promise((r) => setTimeout(r, 10));
    await expect(store.runs()).resolves.toEqual([]);
  });

  it('steps aside when another tab upgrades, then says a newer version holds the history', async () => {
    await store.ready();
    const newer = await otherTab(DB_VERSION + 1); // not blocked: this tab closed its connection
    const error = await failure(store.runs());
    expect(error.kind).toBe('newer');
    newer.close();
  });

  it.each([
    ['QuotaExceededError', 'quota'],
    ['VersionError', 'newer'],
    ['InvalidStateError', 'closed'],
    ['UnknownError', 'unavailable'],
    ['DataCloneError', 'failed'],
  ])('words a %s as %s', (name, kind) => {
    const error = storageError(new DOMException('detail', name));
    expect(error.kind).toBe(kind);
    expect(error.message.length).toBeGreaterThan(20);
  });
});
