/** Stage 2 and 3: one pass over people and classes, every data rule visiting each record. */
import { personDevices, resolveOwners, type PersonDevices } from '../devices/claims.ts';
import type { Roster } from '../model/roster.ts';
import type { CalendarDate } from '../rules/dates.ts';
import { DATA_RULES } from '../rules/registry.ts';
import type { RuleContext } from '../rules/rule.ts';
import type { RosterSnapshot } from '../report/snapshot.ts';
import { getsAccount } from '../rules/account.ts';
import type { FindingCollector } from './collector.ts';

export function runRules(
  roster: Roster,
  findings: FindingCollector,
  today: CalendarDate,
  previous: RosterSnapshot | null,
  current: RosterSnapshot | null,
): void {
  const owners = resolveOwners(roster);
  let cachedIndex = -1;
  let cached: PersonDevices | null = null;
  const ctx: RuleContext = {
    roster,
    today,
    previous,
    current,
    devices(index) {
      if (index !== cachedIndex || !cached) {
        cached = personDevices(roster, owners, index);
        cachedIndex = index;
      }
      return cached;
    },
    getsAccount: (index) => getsAccount(roster.people[index], ctx.devices(index), today),
    reportPerson: (rule, index, f = {}) => findings.add(rule, 'person', { ...f, index }),
    reportClass: (rule, index, f = {}) => findings.add(rule, 'class', { ...f, index }),
    reportDistrict: (rule, f = {}) => findings.add(rule, 'district', f),
  };
  const visitors = DATA_RULES.map((rule) => rule.start(ctx));
  const personVisitors = visitors.filter((v) => v.person);
  const classVisitors = visitors.filter((v) => v.class);
  roster.people.forEach((p, i) => {
    for (const v of personVisitors) v.person!(p, i);
  });
  roster.classes.forEach((c, i) => {
    for (const v of classVisitors) v.class!(c, i);
  });
  for (const v of visitors) v.end?.();
}
