/**
 * Gives the browser a turn (input, drawing) before the page's next slice of long work, so no task
 * of the main thread grows with the size of the district.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `fn` in a task of its own once the browser has drawn the next frame (in a page that does not
 * draw, in the next task). For work that would make the browser compute a just-made view's layout at
 * once, inside the task that made it, such as moving focus into it. Returns a cancel function.
 */
export function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  if (typeof requestAnimationFrame === 'function')
    frame = requestAnimationFrame(() => (timer = setTimeout(fn, 0)));
  else timer = setTimeout(fn, 0);
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Runs `fn` when the browser is idle (at the latest after `timeoutMs`). Returns a cancel function. */
export function whenIdle(fn: () => void, timeoutMs = 2000): () => void {
  const idle = globalThis as {
    requestIdleCallback?: (cb: () => void, options: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (idle.requestIdleCallback && idle.cancelIdleCallback) {
    const id = idle.requestIdleCallback(fn, { timeout: timeoutMs });
    return () => idle.cancelIdleCallback!(id);
  }
  const timer = setTimeout(fn, 200);
  return () => clearTimeout(timer);
}
