/**
 * record-conflict (rules.md §9): a person's repeat row with another value in one of their own
 * fields. One finding per person and field, on the first row that disagrees; its detail lists
 * every row that disagrees (up to a few), with the first row's value, which is the one used.
 */
import { own, type People } from '../model/people.ts';
import { recordConflict as rule } from '../rules/formatting/record-conflict.ts';
import type { FindingCollector } from './collector.ts';

/** Rows listed in one finding; the rest are counted. */
const MAX_ROWS_LISTED = 5;
const MAX_VALUE_CHARS = 60;

export interface Conflict {
  file: number;
  row: number;
  entity: string;
  field: string;
  /** The first row's value (the one used) and this row's. */
  first: string;
  value: string;
}

const quoted = (value: string) =>
  value === ''
    ? 'an empty cell'
    : `"${value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) + '…' : value}"`;

export function recordConflict(
  findings: FindingCollector,
  people: People,
  person: number,
  c: Conflict,
): void {
  const key = `${person}\u0000${c.field}`;
  const part = `${quoted(c.value)} on row ${c.row}`;
  let open = findings.open.get(key);
  if (!open) {
    const finding = findings.add(rule, 'row', {
      file: c.file,
      row: c.row,
      entity: c.entity,
      id: people.id(person),
      field: c.field,
      value: c.value,
    });
    open = { finding, parts: [], more: 0 };
    findings.open.set(key, open);
  }
  if (open.parts.length < MAX_ROWS_LISTED) open.parts.push(part);
  else open.more++;
  const firstRow = people.file(person) === c.file ? `row ${people.row(person)}` : 'its first row';
  const more = open.more > 0 ? ` and ${open.more} more row${open.more === 1 ? '' : 's'}` : '';
  open.finding.detail = own(
    `${c.field} ${quoted(c.first)} on ${firstRow} but ${open.parts.join(', ')}${more}`,
  );
}
