/**
 * Why a phone number is unsupported (rules.md §6): a number of another country (a +1 area code of
 * another country included), a +1 number of ten digits that is not in use, or too few or too many
 * digits. libphonenumber-js decides; only unsupported numbers come here, so nothing is cached but
 * the area codes.
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/max';
import { SUPPORTED_REGIONS } from './phone.ts';

export type UnsupportedReason = 'other-country' | 'not-in-use' | 'wrong-length';

export interface UnsupportedPhone {
  reason: UnsupportedReason;
  /**
   * other-country: the region (`BS`) or, when none is known, `+` and the country code;
   * not-in-use: `area 837` or `exchange 023` (the part not in use); wrong-length: the digit count.
   */
  detail: string;
}

/** Exchanges tried to learn whether an area code is in use, and by which country. */
const SAMPLE_EXCHANGES = [234, 345, 456, 567, 678, 789, 890, 901, 222, 333, 444, 555, 666, 777, 888, 999];
const areaRegions = new Map<string, string | null>();

/** The region using a +1 area code (`US`, `BS`…), or null when no number of it is valid. */
function areaRegion(area: string): string | null {
  let region = areaRegions.get(area);
  if (region !== undefined) return region;
  region = null;
  for (const exchange of SAMPLE_EXCHANGES) {
    const parsed = parsePhoneNumberFromString(`+1${area}${exchange}1234`);
    if (parsed?.isValid()) {
      region = parsed.country ?? null;
      break;
    }
  }
  areaRegions.set(area, region);
  return region;
}

/**
 * The country of an invalid +1 number's area code. libphonenumber-js names it from the area code
 * alone for the smaller +1 countries and territories (767 Dominica, 684 American Samoa), whose
 * numbers the sample exchanges may all miss; for the rest it gives the default, US, and the sample
 * exchanges decide (403 is Canada's, 837 no one's).
 */
function areaCountry(country: string | undefined, area: string): string | null {
  return country && country !== 'US' ? country : areaRegion(area);
}

export function unsupportedReason(raw: string): UnsupportedPhone {
  const parsed = parsePhoneNumberFromString(raw, 'US');
  if (!parsed) {
    // "+999 …": a country code no country has.
    if (validatePhoneNumberLength(raw, 'US') === 'INVALID_COUNTRY')
      return { reason: 'other-country', detail: 'unknown' };
    return { reason: 'wrong-length', detail: String(raw.replace(/\D/g, '').length) };
  }
  if (parsed.countryCallingCode !== '1')
    return { reason: 'other-country', detail: parsed.country ?? '+' + parsed.countryCallingCode };
  const national = parsed.nationalNumber;
  if (national.length !== 10) return { reason: 'wrong-length', detail: String(national.length) };
  const area = national.slice(0, 3);
  // A valid number here is of a +1 country outside the list (parsed.country); otherwise its area
  // code tells whether the area is unused, used by another country, or used with other exchanges.
  const region = parsed.isValid() ? (parsed.country ?? null) : areaCountry(parsed.country, area);
  if (region !== null && !SUPPORTED_REGIONS.has(region)) return { reason: 'other-country', detail: region };
  if (region === null) return { reason: 'not-in-use', detail: `area ${area}` };
  return { reason: 'not-in-use', detail: `exchange ${national.slice(3, 6)}` };
}
