import { describe, expect, it } from 'vitest';
import { ALL_RULES, remindNameOf } from './registry.ts';

/** The headings of Remind's "How do I resolve sync errors and alerts?" article, per code. */
const REMIND_NAMES: Array<[string, string]> = [
  ['teacher-email', 'Missing valid email address or email assigned to another user'],
  ['parent-contact', 'Missing valid email, phone number, or device assigned to another user'],
  ['parent-name', 'Missing a name'],
  ['class-teacher', 'No teacher for a class'],
  ['student-dob', 'Missing valid date of birth'],
  ['device-in-use', 'Device already in use'],
  ['phone-unsupported', 'Unsupported phone number'],
];

describe('Remind’s own names for its errors and alerts', () => {
  it.each(REMIND_NAMES)('%s is “%s” in Remind', (code, name) => {
    expect(remindNameOf(code)).toBe(name);
  });

  it('every error and alert has one; formatting findings and holds (our own words) have none', () => {
    const named = new Set(REMIND_NAMES.map(([code]) => code));
    for (const rule of ALL_RULES) {
      const isRemindType = rule.severity === 'error' || rule.severity === 'alert';
      expect(named.has(rule.code), rule.code).toBe(isRemindType);
      if (!isRemindType) expect(remindNameOf(rule.code), rule.code).toBeNull();
    }
    expect(remindNameOf('no-such-code')).toBeNull();
  });
});
