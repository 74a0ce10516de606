/** A file's header row: its names, which of the format's columns it has, and what it lacks. */
import type { CsvRecord } from '../input/csv.ts';
import type { FileSpec } from '../formats/types.ts';
import { headerMissing } from '../rules/formatting/header-missing.ts';
import { rowColumns } from '../rules/formatting/row-columns.ts';
import { own } from '../model/roster.ts';
import { nearMisses } from './near-miss.ts';
import type { FileJob, ReadEnv } from './read-job.ts';
import { RowCursor } from './row-context.ts';

export interface Header {
  /** The names as written, trimmed. */
  names: string[];
  /** Cells in the header row. */
  width: number;
  /** The header's cells up to its last non-empty name (a spreadsheet leaves `role,,,`). */
  namedWidth: number;
  /** Hands the file's data rows to the adapter. */
  cursor: RowCursor;
}

/** Reads row 1 of `file` (`header-missing`, `row-columns` for unnamed columns). */
export function readHeader(
  record: CsvRecord,
  spec: FileSpec,
  headerCase: FileJob['headerCase'],
  file: number,
  env: ReadEnv,
): Header {
  const header = record.cells().map((c) => own(c.trim()));
  const headerWidth = record.count;
  let namedWidth = headerWidth;
  while (namedWidth > 0 && header[namedWidth - 1] === '') namedWidth--;
  if (namedWidth < headerWidth && namedWidth > 0)
    env.findings.add(rowColumns, 'row', {
      file,
      row: 1,
      entity: 'file',
      reason: 'header-empty-names',
      detail: `${headerWidth - namedWidth}:${namedWidth}`,
    });
  const { index, names: headerNames, missing } = headerIndex(spec, header, headerCase);
  if (missing.length) {
    const meant = nearMisses(
      missing,
      header,
      spec.columns.map((c) => c.name),
    );
    // One finding per missing column, named in `field` (and `detail`, which the fix plan's links read).
    for (const column of missing) {
      const written = meant.find(([, c]) => c === column)?.[0];
      env.findings.add(headerMissing, 'row', {
        file,
        row: 1,
        entity: 'file',
        field: column,
        detail: column,
        // The header name probably meant for the column, as "written → meant".
        value: written === undefined ? null : `${written} → ${column}`,
      });
    }
  }
  const cursor = new RowCursor(file, spec, index, headerNames, env.fileNames, env.findings, env.refs);
  return { names: header, width: headerWidth, namedWidth, cursor };
}

function headerIndex(spec: FileSpec, header: string[], headerCase: FileJob['headerCase']) {
  const index = new Map<string, number>();
  const names = new Map<string, string>();
  const norm = (s: string) => (headerCase === 'insensitive' ? s.toLowerCase() : s);
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    if (!positions.has(norm(h))) positions.set(norm(h), i);
  });
  const missing: string[] = [];
  for (const col of spec.columns) {
    const i = positions.get(norm(col.name));
    if (i === undefined) {
      if (col.required) missing.push(col.name);
      continue;
    }
    index.set(col.name, i);
    names.set(col.name, header[i]);
  }
  return { index, names, missing };
}
