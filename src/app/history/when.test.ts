import { describe, expect, it } from 'vitest';
import { runTimes, shortTime } from './when.ts';

const NOW = new Date('2026-11-30T12:00:00');

describe('times of runs', () => {
  it('adds the seconds only where two runs share a minute', () => {
    const a = new Date('2026-11-28T10:02:05').toISOString();
    const b = new Date('2026-11-28T10:02:41').toISOString();
    const c = new Date('2026-11-28T11:15:00').toISOString();
    expect(runTimes([b, a, c], NOW)).toEqual(['28 Nov 10:02:41', '28 Nov 10:02:05', '28 Nov 11:15']);
  });

  it('gives the year when it is not this year', () => {
    expect(shortTime(new Date('2025-01-02T03:04:05').toISOString(), NOW, true)).toBe('2 Jan 2025 03:04:05');
  });
});
