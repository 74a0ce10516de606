/**
 * Which format a set of files is in, from the file names and header rows (formats.md). Each format
 * scores one point per file of its own present by name, and up to two more for how many of that
 * file's required columns the header has. OneRoster versions are told apart by manifest.csv, or
 * without one by the users.csv header (a `role` column means 1.1).
 */
import type { Probe } from '../input/probe.ts';
import { ADAPTERS } from './registry.ts';
import type { FileSpec, FormatAdapter, FormatId } from './types.ts';

export interface Detection {
  adapter: FormatAdapter;
  score: number;
}

export function headerFit(
  spec: FileSpec,
  header: readonly string[] | null,
  headerCase: FormatAdapter['headerCase'],
): number {
  const required = spec.columns.filter((c) => c.required);
  if (!header) return 0;
  if (required.length === 0) return 1;
  const norm = (s: string) => (headerCase === 'insensitive' ? s.toLowerCase() : s);
  const have = new Set(header.map(norm));
  return required.filter((c) => have.has(norm(c.name))).length / required.length;
}

export function manifestVersion(probes: readonly Probe[]): string | null {
  const manifest = probes.find((p) => p.name === 'manifest.csv');
  const row = manifest?.rows.find((r) => r[0]?.trim() === 'oneroster.version');
  return row?.[1]?.trim() ?? null;
}

function versionBonus(id: FormatId, probes: readonly Probe[]): number {
  if (id !== 'oneroster-1.1' && id !== 'oneroster-1.2') return 0;
  const version = manifestVersion(probes);
  if (version !== null) {
    const is12 = version.startsWith('1.2');
    return (id === 'oneroster-1.2') === is12 ? 3 : version === '1.1' || is12 ? -3 : 0;
  }
  const users = probes.find((p) => p.name === 'users.csv');
  if (!users?.header) return 0;
  const hasRole = users.header.includes('role');
  return (id === 'oneroster-1.1') === hasRole ? 1 : -1;
}

export function scoreFormat(
  adapter: FormatAdapter,
  probes: readonly Probe[],
): { score: number; fits: boolean } {
  let score = 0;
  let fits = false;
  for (const spec of adapter.files) {
    const probe = probes.find((p) => p.name === spec.name && !p.binary);
    if (!probe) continue;
    const fit = headerFit(spec, probe.header, adapter.headerCase);
    score += 1 + 2 * fit;
    if (fit >= 0.5 && spec.columns.some((c) => c.required)) fits = true;
  }
  return { score: score + (score > 0 ? versionBonus(adapter.id, probes) : 0), fits };
}

/** The best format, or null when no format has a file it knows with a header that fits. */
export function detectFormat(probes: readonly Probe[]): Detection | null {
  let best: Detection | null = null;
  for (const adapter of ADAPTERS) {
    const { score, fits } = scoreFormat(adapter, probes);
    if (fits && (!best || score > best.score)) best = { adapter, score };
  }
  return best;
}

/** The message for files no format recognises: what was seen and what each format needs. */
export function unknownFormatMessage(probes: readonly Probe[]): string {
  const seen = probes.length
    ? probes.map((p) => (p.binary ? `${p.source.path} (${p.binary})` : p.source.path)).join(', ')
    : 'no files';
  const needs = ADAPTERS.map((a) => formatNeeds(a)).join('; ');
  return `The format of these files was not recognised. Files seen: ${seen}. Each format needs — ${needs}.`;
}

/** "Label: required files", plus the files whose absence is reported without blocking. */
export function formatNeeds(adapter: FormatAdapter): string {
  const names = (kind: 'yes' | 'soft') => adapter.files.filter((f) => f.required === kind).map((f) => f.name);
  const soft = names('soft');
  return `${adapter.label}: ${names('yes').join(', ')}${soft.length ? ` (and ideally ${soft.join(', ')})` : ''}`;
}
