/**
 * A CPU profile of the page's main thread over one phase of a benchmark (Chrome DevTools Protocol):
 * the functions with the most time, inclusive of what they call, and their own. For finding what a
 * long task is made of (build with `--minify false` to read the names).
 */
import type { CDPSession, Page } from 'playwright-core';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return cdp;
}

/**
 * Stops the profile; returns, for each stretch of the main thread busy longer than `minMs` (about one
 * task, or tasks back to back), the functions with the most time in it, as lines of text.
 */
export async function stopProfile(cdp: CDPSession, minMs = 150, top = 14): Promise<string> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  const parent = new Map<number, number>();
  const byId = new Map<number, Node>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const name = (n: Node) => {
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  };
  const out: string[] = [];
  let busy = 0;
  let self = new Map<string, number>();
  let total = new Map<string, number>();
  const flush = () => {
    if (busy >= minMs) {
      const list = (m: Map<string, number>) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([k, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${k}`)
          .join('\n');
      out.push(`  busy ${busy.toFixed(0)} ms; inclusive:\n${list(total)}\n  self:\n${list(self)}`);
    }
    [busy, self, total] = [0, new Map(), new Map()];
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let id: number | undefined = profile.samples[i];
    const leaf = name(byId.get(id)!);
    if (leaf.startsWith('(idle)')) {
      flush();
      continue;
    }
    busy += dt;
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    const seen = new Set<string>();
    for (; id !== undefined; id = parent.get(id)) {
      const key = name(byId.get(id)!);
      if (!seen.has(key) && !key.startsWith('(root)')) total.set(key, (total.get(key) ?? 0) + dt);
      seen.add(key);
    }
  }
  flush();
  return out.join('\n') + '\n';
}
