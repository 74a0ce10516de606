import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../core/rules/registry.ts';
import { fixFor } from '../core/rules/rule.ts';
import { ruleInfo } from '../worker/validator.ts';
import { fixOf } from './codec.ts';

describe('the fix of a stored finding', () => {
  it('is the engine’s fix for every rule and reason (one precedence)', () => {
    for (const rule of ALL_RULES) {
      const reasons = [
        null,
        'default',
        'made-up',
        ...('reasons' in rule ? (rule.reasons ?? []) : []),
        ...Object.keys(typeof rule.fix === 'string' ? {} : rule.fix),
      ];
      for (const reason of reasons)
        expect(fixOf(ruleInfo(rule.code), reason), `${rule.code}/${reason}`).toBe(fixFor(rule, reason));
    }
  });

  it('is empty for a code the run kept no rule of', () => {
    expect(fixOf(undefined, 'missing')).toBe('');
  });
});
