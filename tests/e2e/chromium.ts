/** Finding Debian's Chromium, and what to do when it is not there (say so loudly; fail under CI=true). */
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export function missingChromiumBanner(): string {
  const line = '!'.repeat(78);
  return [
    line,
    '!! NO CHROMIUM FOUND: the browser tests were NOT run.',
    '!! Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH)',
    '!! With CI=true this is a failure, not a skip.',
    line,
  ].join('\n');
}
