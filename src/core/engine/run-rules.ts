/** Stage 2 and 3: one pass over people and classes, every data rule visiting each record. */
import { DeviceClaims, type PersonDevices } from '../devices/claims.ts';
import { ROLE_RANK, type Role, type Roster } from '../model/roster.ts';
import type { CalendarDate } from '../rules/dates.ts';
import { DATA_RULES } from '../rules/registry.ts';
import type { RuleContext } from '../rules/rule.ts';
import type { RosterSnapshot } from '../snapshot/snapshot.ts';
import { getsAccount } from '../rules/account.ts';
import type { FindingCollector } from './collector.ts';
import { NO_TICK, TICK_EVERY, type Tick } from '../model/ticks.ts';

/** Roles in rank order: ROLES_BY_RANK[people.rank(i)] is person i's role. */
const ROLES_BY_RANK = (Object.keys(ROLE_RANK) as Role[]).sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);

const NO_FIELDS = {};

export function runRules(
  roster: Roster,
  findings: FindingCollector,
  today: CalendarDate,
  previous: RosterSnapshot | null,
  current: RosterSnapshot | null,
  claimsTick: Tick = NO_TICK,
  rulesTick: Tick = NO_TICK,
): void {
  const claims = new DeviceClaims(roster, claimsTick);
  let devicesOf = -1;
  let devices: PersonDevices | null = null;
  const ctx: RuleContext = {
    roster,
    today,
    previous,
    current,
    devices(index) {
      // The claims reuse one object: refill it only when another person is asked for.
      if (index !== devicesOf || !devices) {
        devices = claims.devices(index);
        devicesOf = index;
      }
      return devices;
    },
    getsAccount: (index) => getsAccount(roster.people, index, ctx.devices(index), today),
    reportPerson: (rule, index, f = NO_FIELDS) => findings.add(rule, 'person', f, index),
    reportClass: (rule, index, f = NO_FIELDS) => findings.add(rule, 'class', f, index),
    reportDistrict: (rule, f = {}) => findings.add(rule, 'district', f),
  };
  const visitors = DATA_RULES.map((rule) => rule.start(ctx));
  // Person visitors by role rank (staff, student, parent, teacher): each person meets only its own.
  const byRank = ROLES_BY_RANK.map((role) =>
    visitors.filter((v, k) => v.person && (!DATA_RULES[k].roles || DATA_RULES[k].roles.includes(role))),
  );
  const classVisitors = visitors.filter((v) => v.class).map((v) => v.class!.bind(v));
  const people = roster.people;
  for (let i = 0; i < people.count; i++) {
    if ((i & TICK_EVERY) === 0) rulesTick(i, people.count + roster.classes.length);
    const own = byRank[people.rank(i)];
    for (let k = 0; k < own.length; k++) own[k].person!(people, i);
  }
  roster.classes.forEach((c, i) => {
    if ((i & 1023) === 0) rulesTick(people.count + i, people.count + roster.classes.length);
    for (const visit of classVisitors) visit(c, i);
  });
  for (const v of visitors) v.end?.();
}
