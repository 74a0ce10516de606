/** Test helper: an in-memory Web Locks manager (exclusive locks, ifAvailable, signal), shared by "tabs". */
import type { LockManagerLike } from './writer-lock.ts';

export class FakeLocks implements LockManagerLike {
  readonly #held = new Set<string>();
  readonly #waiting = new Map<string, (() => void)[]>();

  isHeld(name: string): boolean {
    return this.#held.has(name);
  }

  async request<T>(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => T | Promise<T>,
  ): Promise<T> {
    if (this.#held.has(name)) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((granted, aborted) => {
        const queue = this.#waiting.get(name) ?? [];
        queue.push(granted);
        this.#waiting.set(name, queue);
        options.signal?.addEventListener('abort', () => {
          queue.splice(queue.indexOf(granted), 1);
          aborted(new DOMException('aborted', 'AbortError'));
        });
      });
    }
    this.#held.add(name);
    try {
      return await callback({ name });
    } finally {
      this.#held.delete(name);
      this.#waiting.get(name)?.shift()?.();
    }
  }
}
