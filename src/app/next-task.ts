/**
 * Gives the browser a turn (input, drawing) before the page's next slice of long work, so no task
 * of the main thread grows with the size of the district.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
