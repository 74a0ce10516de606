/**
 * Opening the history database, and what can go wrong with it in words for the person. A
 * connection closes itself when another tab needs a newer version (versionchange), so that tab's
 * upgrade is never blocked by this one; the next operation opens it again.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { upgrade } from './migrate.ts';
import { DB_NAME, DB_VERSION, type HistoryDb } from './schema.ts';

export type StorageProblem = 'unavailable' | 'quota' | 'blocked' | 'closed' | 'newer' | 'failed';

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly kind: StorageProblem,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<StorageProblem, string> = {
  unavailable: 'This browser does not let the page keep data (private browsing, or storage turned off).',
  quota: 'The browser has no room left for the history.',
  blocked: 'Roster Check is open in another tab with an older version; close that tab to keep the history.',
  closed: 'Another tab updated the history while this run was being saved.',
  newer: 'A newer version of Roster Check changed the history in another tab; reload this page.',
  failed: 'The browser refused to keep the history',
};

function errorName(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error) return String(error.name);
  return '';
}

/** Any failure of IndexedDB as a StorageError with a plain message. */
export function storageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const inner = error && typeof error === 'object' && 'inner' in error ? error.inner : null;
  const name = errorName(inner) || errorName(error);
  const kind: StorageProblem =
    name === 'QuotaExceededError'
      ? 'quota'
      : name === 'VersionError'
        ? 'newer'
        : name === 'InvalidStateError' || name === 'TransactionInactiveError'
          ? 'closed'
          : name === 'SecurityError' || name === 'NotAllowedError' || name === 'UnknownError'
            ? 'unavailable'
            : 'failed';
  const detail = error instanceof Error && error.message ? error.message : String(error);
  const message = kind === 'failed' ? `${MESSAGES.failed} (${detail}).` : MESSAGES[kind];
  return new StorageError(kind, message);
}

/**
 * An open request that fails with InvalidStateError was refused by the browser (Firefox's private
 * browsing answers so), not interrupted by another tab as an operation failing so would be.
 */
function refusedOpen(error: unknown): unknown {
  return errorName(error) === 'InvalidStateError'
    ? new StorageError('unavailable', MESSAGES.unavailable)
    : error;
}

export interface OpenOptions {
  /** Called when the connection closes because another tab upgrades or the browser dropped it. */
  onClose?: () => void;
}

/** Opens (creating or upgrading) the database; rejects with a StorageError. */
export function openDb(options: OpenOptions = {}): Promise<IDBPDatabase<HistoryDb>> {
  if (typeof indexedDB === 'undefined' || !indexedDB)
    return Promise.reject(new StorageError('unavailable', MESSAGES.unavailable));
  return new Promise((resolve, reject) => {
    let settled = false;
    let db: IDBPDatabase<HistoryDb> | undefined;
    let migrationError: unknown = null;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(storageError(error));
    };
    let opening: Promise<IDBPDatabase<HistoryDb>>;
    try {
      opening = openDB<HistoryDb>(DB_NAME, DB_VERSION, {
        upgrade(database, oldVersion, _newVersion, transaction) {
          transaction.done.catch(() => {}); // an abort is reported by the open request
          upgrade(database, oldVersion, transaction).catch((error) => {
            migrationError = error;
            try {
              transaction.abort();
            } catch {
              // already finished: the open request reports the failure
            }
          });
        },
        // An older tab keeps the database open: do not wait for it forever.
        blocked: () => fail(new StorageError('blocked', MESSAGES.blocked)),
        blocking: () => {
          db?.close();
          options.onClose?.();
        },
        terminated: () => options.onClose?.(),
      });
    } catch (error) {
      fail(error);
      return;
    }
    opening.then(
      (opened) => {
        if (settled)
          opened.close(); // opened after it was reported blocked
        else {
          db = opened;
          settled = true;
          resolve(opened);
        }
      },
      (error) => fail(migrationError ?? refusedOpen(error)),
    );
  });
}
