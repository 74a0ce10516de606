/** An import's outcome in words, for the History page's status line. */
import type { ImportResult } from '../../storage/transfer.ts';

export function describeImport(r: ImportResult): string {
  const parts = [`${r.added} ${r.added === 1 ? 'run' : 'runs'} imported`];
  if (r.duplicates) parts.push(`${r.duplicates} already here`);
  if (r.acknowledged)
    parts.push(`${r.acknowledged} acknowledged ${r.acknowledged === 1 ? 'finding' : 'findings'} added`);
  if (r.invalid) parts.push(`${r.invalid} not valid and skipped`);
  const skipped = r.problems.map((p) => ` Skipped ${p}.`).join('');
  const more = r.invalid > r.problems.length ? ` (${r.invalid - r.problems.length} more skipped.)` : '';
  return parts.join(', ') + '.' + skipped + more;
}
