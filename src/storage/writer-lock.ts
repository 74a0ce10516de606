/**
 * Which tab is writing a run. Each page holds a Web Lock named after its own writer token for as
 * long as it lives (the browser releases it when the tab closes or reloads); a run's head names the
 * token of the page that wrote it. An incomplete run whose writer's lock is free was left by a page
 * that is gone, so it is swept at start-up rather than an hour later.
 */

/** The part of the Web Locks API (navigator.locks) the store uses. */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => T | Promise<T>,
  ): Promise<T>;
}

export const lockName = (writer: string) => `roster-check-writer:${writer}`;

export function newWriterToken(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function defaultLocks(): LockManagerLike | null {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

/** Holds this page's writer lock until release(); resolves once it is held. */
export function holdLock(locks: LockManagerLike, name: string): { held: Promise<void>; release: () => void } {
  let release = () => {};
  const held = new Promise<void>((granted, failed) => {
    locks
      .request(name, {}, () => {
        granted();
        return new Promise<void>((done) => (release = done));
      })
      .catch(failed);
  });
  return { held, release: () => release() };
}
