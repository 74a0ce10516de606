/**
 * Distinct valid US phone numbers, one per slot. While a district needs no more than the fictional
 * 555-0100…555-0199 range offers (100 per area code) they are all fiction; beyond that, real-looking
 * numbers: a seeded bijection spreads slots over area code × exchange × line.
 */
import { pad } from './layout.ts';
import { AREA_CODES } from './names.ts';
import { RandomStream } from './random.ts';

/** Exchanges 200–999 without N11 service codes and 555. */
const EXCHANGES = Array.from({ length: 800 }, (_, i) => 200 + i).filter((x) => x % 100 !== 11 && x !== 555);
const BLOCKS = AREA_CODES.length * EXCHANGES.length;
const LINES = 10000;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export class PhoneBook {
  readonly fictional: boolean;
  private readonly step: number;
  private readonly random: RandomStream;
  private readonly offset: number;

  constructor(slots: number, seed: number) {
    this.fictional = slots <= AREA_CODES.length * 100;
    if (!this.fictional && slots > BLOCKS * LINES)
      throw new Error(`No room for ${slots} distinct phone numbers`);
    let step = Math.floor(BLOCKS * 0.618) | 1;
    while (gcd(step, BLOCKS) !== 1) step += 2;
    this.step = step;
    this.random = new RandomStream(seed, 'phone');
    this.offset = this.random.below(0, BLOCKS);
  }

  /** The number of `slot`, in one of six common layouts. */
  phone(slot: number, layout: number): string {
    let area: number;
    let exchange: number;
    let line: string;
    if (this.fictional) {
      area = AREA_CODES[slot % AREA_CODES.length];
      exchange = 555;
      line = '01' + pad(Math.floor(slot / AREA_CODES.length), 2);
    } else {
      const block = Math.floor(slot / LINES);
      const mixed = (block * this.step + this.offset) % BLOCKS;
      area = AREA_CODES[mixed % AREA_CODES.length];
      exchange = EXCHANGES[Math.floor(mixed / AREA_CODES.length)];
      line = pad(((slot % LINES) * 3733 + this.random.below(block, LINES, 1)) % LINES, 4);
    }
    switch (layout) {
      case 0:
        return `(${area}) ${exchange}-${line}`;
      case 1:
        return `${area}-${exchange}-${line}`;
      case 2:
        return `${area}.${exchange}.${line}`;
      case 3:
        return `${area}${exchange}${line}`;
      case 4:
        return `+1 ${area} ${exchange} ${line}`;
      default:
        return `1-${area}-${exchange}-${line}`;
    }
  }
}
