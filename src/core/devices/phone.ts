/**
 * Phone support (rules.md §3): numbers of the US, its territories and Canada are supported; every
 * other number is not. libphonenumber-js decides. Parsing with it costs ~15 µs a number, too slow
 * for millions of parents, so plain North American numbers are decided once per first seven digits
 * (area code, exchange, first line digit): every NANP numbering-plan pattern ends in free line
 * digits, which `phone.test.ts` checks against libphonenumber-js on random numbers.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { nanpNumber } from './nanp.ts';

export const SUPPORTED_REGIONS: ReadonlySet<string> = new Set(['US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP']);

export interface PhoneVerdict {
  supported: boolean;
  /**
   * E.164 for supported numbers; the digits for the others (rules.md §9: how repeats compare), with
   * the country code written out when the number has one, so "+1 809 234 5678" = "(809) 234-5678".
   */
  key: string;
  /** The region libphonenumber-js assigns, if any (e.g. "BS" for a +1 242 number). */
  region: string | null;
}

const prefixCache = new Map<string, { supported: boolean; region: string | null }>();

/** How text libphonenumber-js cannot parse compares: by its digits, or by itself when it has none ("N/A"). */
function plainKey(raw: string): string {
  return raw.replace(/\D/g, '') || raw.trim().toLowerCase();
}

function byLibrary(raw: string): PhoneVerdict {
  const parsed = parsePhoneNumberFromString(raw, 'US');
  if (!parsed) return { supported: false, key: plainKey(raw), region: null };
  const region = parsed.country ?? null;
  if (parsed.isValid() && region !== null && SUPPORTED_REGIONS.has(region))
    return { supported: true, key: parsed.number, region };
  // "+44 20 7946 0958" = "+44 (0)20 7946 0958" = "011 44 20 7946 0958"; an extension is not part of it.
  return { supported: false, key: parsed.countryCallingCode + parsed.nationalNumber, region };
}

export function classifyPhone(raw: string): PhoneVerdict {
  const digits = nanpNumber(raw, 0, raw.length);
  if (digits < 0) return byLibrary(raw);
  const national = String(digits);
  const prefix = national.slice(0, 7);
  let verdict = prefixCache.get(prefix);
  if (!verdict) {
    const full = byLibrary('+1' + national);
    verdict = { supported: full.supported, region: full.region };
    prefixCache.set(prefix, verdict);
  }
  return verdict.supported
    ? { supported: true, key: '+1' + national, region: verdict.region }
    : { supported: false, key: '1' + national, region: verdict.region };
}

/**
 * Verdicts by first seven national digits (area code × 10 000 + exchange × 10 + line digit), two
 * bits each (0 unknown, 1 supported, 2 not): 2.5 MB for every possible prefix.
 */
const supportedPrefix = new Uint8Array(10_000_000 / 4);

/**
 * The number as a number (E.164 digits, e.g. 12122345678) when it is supported, else -1: the same
 * verdict and key as classifyPhone, without building strings, for the device pass over everyone.
 * The phone is read in place: `source` from `start`, `n` characters.
 */
export function supportedPhoneNumber(source: string, start = 0, n = source.length - start): number {
  const national = nanpNumber(source, start, start + n);
  if (national < 0) {
    const verdict = byLibrary(source.substring(start, start + n));
    return verdict.supported ? Number(verdict.key) : -1;
  }
  const prefix = Math.floor(national / 1000);
  const shift = (prefix & 3) * 2;
  let known = (supportedPrefix[prefix >>> 2] >>> shift) & 3;
  if (known === 0) {
    known = byLibrary('+1' + national).supported ? 1 : 2;
    supportedPrefix[prefix >>> 2] |= known << shift;
  }
  return known === 1 ? 10_000_000_000 + national : -1;
}

/** The same classification without the cache, for tests that prove the cache changes nothing. */
export const classifyPhoneUncached = byLibrary;
