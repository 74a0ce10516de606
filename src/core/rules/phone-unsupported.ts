import { unsupportedReason } from '../devices/phone-reason.ts';
import type { DataRule, FindingFacts } from './rule.ts';

let regionNames: Intl.DisplayNames | null | undefined;

/** "the Bahamas" for BS: the name Intl knows, or the code itself. */
function regionName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  return regionNames?.of(code) ?? code;
}

function why(f: FindingFacts): string {
  const detail = f.detail ?? '';
  switch (f.reason) {
    case 'other-country':
      if (detail === 'unknown') return 'its country code is not one in use';
      if (detail.startsWith('+'))
        return `it is a number of another country (country code ${detail}), not of the US or Canada`;
      return `it is a number of another country (${regionName(detail)}), not of the US, its territories or Canada`;
    case 'not-in-use': {
      const [part, digits] = detail.split(' ');
      return part === 'area'
        ? `it has ten digits, but its area code ${digits} is not in use`
        : `it has ten digits, but its exchange ${digits} (the three digits after the area code) is not in use`;
    }
    default:
      return detail === '0'
        ? 'it has no digits'
        : `it has ${detail} digit${detail === '1' ? '' : 's'}, where a US or Canadian number has 10 (area code included)`;
  }
}

export const phoneUnsupported: DataRule = {
  code: 'phone-unsupported',
  severity: 'alert',
  roles: ['teacher', 'parent', 'student'],
  title: 'Phone number Remind cannot text',
  remindName: 'Unsupported phone number',
  reasons: ['other-country', 'not-in-use', 'wrong-length'],
  explanation:
    'Remind sends text messages only to numbers in the United States, its territories and Canada. Other ' +
    'numbers, numbers that are not in use, and numbers with too few or too many digits are left off the account.',
  fix: {
    'other-country':
      'Remove the number from the SIS field the export uses if it is not a US or Canadian mobile phone; add an email address instead.',
    'not-in-use':
      'Check the number with the family or teacher and correct it in the SIS: its area code or exchange does not exist.',
    'wrong-length':
      'Correct the number in the SIS: 10 digits with the area code, e.g. 212-555-0134, one number per field.',
  },
  message: (f) => `${f.name || f.id}'s phone "${f.value}" cannot be texted: ${why(f)}.`,
  start: (ctx) => ({
    person(people, i) {
      if (people.role(i) === 'staff' || people.phoneCount(i) === 0) return;
      for (const phone of ctx.devices(i).phones) {
        if (phone.supported) continue;
        const { reason, detail } = unsupportedReason(phone.value);
        ctx.reportPerson(phoneUnsupported, i, { reason, field: 'phone', value: phone.value, detail });
      }
    },
  }),
};
