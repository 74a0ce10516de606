import { describe, expect, it } from 'vitest';
import type { Cause } from './causes/group.ts';
import { causeReach, planHeadline } from './plan-text.ts';

const cause = (clears: number): Cause => ({
  code: 'student-dob',
  reason: 'missing',
  title: '',
  fix: '',
  findings: clears,
  knockOn: 0,
  clears,
  schools: [],
  severity: 'error',
  blocking: false,
});

describe('planHeadline', () => {
  it.each<[number[], string]>([
    [[], 'Nothing to fix: the files have no findings.'],
    [[5], 'Fix this 1 thing to clear all 5 findings.'],
    [[5, 1], 'Fix these 2 things to clear all 6 findings.'],
    [[5, 2, 1], 'Fix these 3 things to clear all 8 findings.'],
    // A longer list: "these 3" would seem to name all of it (the Clever sample lists 5).
    [[1003, 596, 22, 2, 1], 'Fix the first 3 things below to clear 1,621 of 1,624 findings.'],
  ])('%j → %s', (clears, headline) => {
    expect(planHeadline(clears.map(cause))).toBe(headline);
  });
});

describe('causeReach', () => {
  it.each<[Cause['severity'], string]>([
    ['error', '3 records; 1 school'],
    // One person, two lost devices: two alerts (the reviewer's case), so findings, not records.
    ['alert', '3 findings; 1 school'],
    ['hold', '3 findings; 1 school'],
    ['formatting', '3 findings; 1 school'],
  ])('%s → %s', (severity, reach) => {
    expect(causeReach({ ...cause(3), severity, schools: ['s1'] })).toBe(reach);
  });
});
