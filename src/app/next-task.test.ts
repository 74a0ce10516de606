import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint, whenIdle } from './next-task.ts';

afterEach(() => vi.unstubAllGlobals());

describe('afterPaint', () => {
  it('runs the work in a task after the next frame, not in the frame callback itself', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const done: string[] = [];
    afterPaint(() => done.push('work'));
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toEqual([]); // nothing before the frame
    frames[0](0);
    expect(done).toEqual([]); // nor inside the frame's callback
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toEqual(['work']);
  });

  it('runs in the next task where nothing draws, and can be cancelled', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    const done: string[] = [];
    afterPaint(() => done.push('first'));
    const cancel = afterPaint(() => done.push('cancelled'));
    cancel();
    expect(done).toEqual([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(done).toEqual(['first']);
  });

  it('cancelled before its frame, it asks the browser to drop the frame callback', () => {
    const cancelled: number[] = [];
    vi.stubGlobal('requestAnimationFrame', () => 7);
    vi.stubGlobal('cancelAnimationFrame', (id: number) => cancelled.push(id));
    afterPaint(() => {})();
    expect(cancelled).toEqual([7]);
  });
});

describe('whenIdle', () => {
  it('asks the browser for an idle moment, with a deadline, and can be cancelled', () => {
    const asked: { timeout: number }[] = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: () => void, options: { timeout: number }) => {
      asked.push(options);
      cb();
      return 3;
    });
    vi.stubGlobal('cancelIdleCallback', (id: number) => cancelled.push(id));
    const done: string[] = [];
    whenIdle(() => done.push('work'), 1500)();
    expect(done).toEqual(['work']);
    expect(asked).toEqual([{ timeout: 1500 }]);
    expect(cancelled).toEqual([3]);
  });

  it('without idle callbacks, runs a little later unless cancelled', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers();
    try {
      const done: string[] = [];
      whenIdle(() => done.push('work'));
      whenIdle(() => done.push('cancelled'))();
      vi.advanceTimersByTime(199);
      expect(done).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(done).toEqual(['work']);
    } finally {
      vi.useRealTimers();
    }
  });
});
