/** From a compact finding to the finding object of report.md, with its message and fix. */
import type { Finding, RawFinding } from '../model/finding.ts';
import { displayName, type Roster } from '../model/roster.ts';
import { fixFor, type FindingFacts } from '../rules/rule.ts';
import { ruleFor } from '../rules/registry.ts';
import { isolate } from './isolate.ts';
import { damageNote } from '../rules/formatting/spreadsheet-damage.ts';

/** School IDs a finding counts in (rules.md §8): sorted; [null] for records without a school. */
export function findingSchools(roster: Roster, f: RawFinding): (string | null)[] {
  const rule = ruleFor(f.code);
  if (rule.severity === 'formatting' || rule.severity === 'hold') return [];
  let indexes: readonly number[] = [];
  if (f.subject === 'person') indexes = roster.people.schools(f.index);
  else if (f.subject === 'class')
    indexes = roster.classes[f.index].school >= 0 ? [roster.classes[f.index].school] : [];
  if (indexes.length === 0) return [null];
  return indexes.map((i) => roster.schools[i].id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function materialize(roster: Roster, f: RawFinding): Finding {
  const rule = ruleFor(f.code);
  let entity = f.entity ?? 'file';
  let id = f.id;
  let name: string | null = null;
  let file = f.file;
  let row = f.row;
  if (f.subject === 'person') {
    const people = roster.people;
    const i = f.index;
    [entity, id, name] = [people.role(i), people.id(i), displayName(people, i) || null];
    if (file < 0) [file, row] = [people.file(i), people.row(i)];
  } else if (f.subject === 'class') {
    const c = roster.classes[f.index];
    [entity, id, name] = ['class', c.id, c.name || null];
    if (file < 0) [file, row] = [c.file, c.row];
  } else if (f.subject === 'district') {
    entity = 'district';
  }
  const facts: FindingFacts = {
    reason: f.reason,
    entity,
    id,
    name,
    file: file >= 0 ? roster.files[file] : f.fileName,
    row,
    field: f.field,
    value: f.value,
    otherId: f.otherId,
    detail: f.detail,
  };
  const finding: Finding = {
    severity: rule.severity,
    code: f.code,
    reason: f.reason,
    entity,
    id,
    name,
    schools: findingSchools(roster, f),
    file: facts.file,
    row,
    field: f.field,
    value: f.value,
    otherId: f.otherId,
    message: rule.message(embedded(facts)),
    fix: fixFor(rule, f.reason),
  };
  const cause = f.because;
  if (cause) {
    const damaged = roster.files[cause.file];
    const definer = cause.definition ? `${damaged}${cause.field ? ' ' + cause.field : ''}` : null;
    finding.because = { code: 'spreadsheet-damage', reason: cause.reason, file: damaged, field: cause.field };
    finding.message += ' ' + damageNote(cause.reason, f.value, cause.other, definer);
  }
  return finding;
}

/** The facts as a message embeds them: each roster value isolated (isolate.ts). */
function embedded(facts: FindingFacts): FindingFacts {
  const { id, name, file, value, otherId, detail } = facts;
  return {
    ...facts,
    id: isolate(id),
    name: isolate(name),
    file: isolate(file),
    value: isolate(value),
    otherId: isolate(otherId),
    detail: isolate(detail),
  };
}
