/** The five formats, in the order detection prefers them on a tie. */
import { clever } from './clever.ts';
import { oneRoster11, oneRoster12 } from './oneroster.ts';
import { remindCsv1 } from './remind-csv-1.ts';
import { remindCsv2 } from './remind-csv-2.ts';
import type { FormatAdapter, FormatId } from './types.ts';

export const ADAPTERS: readonly FormatAdapter[] = [oneRoster11, oneRoster12, clever, remindCsv1, remindCsv2];

export const FORMAT_IDS = ADAPTERS.map((a) => a.id);

export function adapterFor(id: string): FormatAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}

export type { FormatId };
