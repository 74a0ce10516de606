import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from './next-task.ts';

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
