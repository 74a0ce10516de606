import { describe, expect, it } from 'vitest';
import { schoolStatus, STATUS_LABEL, syncState, type SchoolStatus } from './status.ts';
import type { SchoolEntry } from './types.ts';

const school = (
  id: string | null,
  error: Record<string, number>,
  alert: Record<string, number>,
): SchoolEntry => ({
  id,
  name: id ?? '(no school)',
  counts: { teachers: 1, students: 1, parents: 0, classes: 0 },
  error,
  alert,
});

describe('the status of a school in the Schools table', () => {
  it.each<[string, SchoolEntry, SchoolStatus, string]>([
    [
      'errors and alerts',
      school('s1', { 'student-dob': 2 }, { 'phone-unsupported': 1 }),
      'errors',
      'Has errors',
    ],
    ['alerts only', school('s1', {}, { 'phone-unsupported': 1 }), 'alerts', 'Alerts only'],
    ['neither', school('s1', {}, {}), 'ready', 'Ready'],
    ['a code counted zero times', school('s1', { 'student-dob': 0 }, {}), 'ready', 'Ready'],
    ['the (no school) bucket with errors', school(null, { 'student-dob': 1 }, {}), 'errors', 'Has errors'],
    ['the (no school) bucket with alerts', school(null, {}, { 'device-in-use': 1 }), 'alerts', 'Alerts only'],
    // Its records name no school of the export: never "Ready", whatever the counts.
    ['the (no school) bucket with neither', school(null, {}, {}), 'unplaced', 'No school'],
  ])('%s', (_, entry, status, label) => {
    expect(schoolStatus(entry, 'clear')).toBe(status);
    expect(STATUS_LABEL[schoolStatus(entry, 'clear')]).toBe(label);
  });

  // Remind processes nothing while a formatting problem blocks: no school may read "Ready" then.
  // A school's own errors and alerts still show (they need fixing too); "(no school)" stays itself.
  it.each<[string, SchoolEntry, SchoolStatus, string]>([
    ['neither', school('s1', {}, {}), 'blocked', 'Blocked by file problems'],
    [
      'a code counted zero times',
      school('s1', { 'student-dob': 0 }, {}),
      'blocked',
      'Blocked by file problems',
    ],
    ['errors', school('s1', { 'student-dob': 2 }, {}), 'errors', 'Has errors'],
    ['alerts only', school('s1', {}, { 'phone-unsupported': 1 }), 'alerts', 'Alerts only'],
    ['the (no school) bucket with neither', school(null, {}, {}), 'unplaced', 'No school'],
  ])('while the district is blocked: %s', (_, entry, status, label) => {
    expect(schoolStatus(entry, 'blocked')).toBe(status);
    expect(STATUS_LABEL[schoolStatus(entry, 'blocked')]).toBe(label);
  });

  // rules.md §7: a hold makes Remind pause the sync for review; nothing syncs until it is resolved.
  it.each<[string, SchoolEntry, SchoolStatus, string]>([
    ['neither', school('s1', {}, {}), 'held', 'On hold for review'],
    ['errors', school('s1', { 'student-dob': 2 }, {}), 'errors', 'Has errors'],
    ['alerts only', school('s1', {}, { 'phone-unsupported': 1 }), 'alerts', 'Alerts only'],
    ['the (no school) bucket with neither', school(null, {}, {}), 'unplaced', 'No school'],
  ])('while a sync hold pauses the sync: %s', (_, entry, status, label) => {
    expect(schoolStatus(entry, 'held')).toBe(status);
    expect(STATUS_LABEL[schoolStatus(entry, 'held')]).toBe(label);
  });
});

describe('the state of the district’s sync', () => {
  const totals = (hold: number) => ({ hold });
  it.each([
    ['nothing stops it', false, 0, 'clear'],
    ['a hold pauses it', false, 2, 'held'],
    ['a formatting problem blocks it', true, 0, 'blocked'],
    // Blocked outranks held: Remind processes nothing, so it never gets to the review.
    ['blocked and held', true, 1, 'blocked'],
  ] as const)('%s', (_, blocked, hold, state) => {
    expect(syncState({ blocked, totals: totals(hold) })).toBe(state);
  });
});
