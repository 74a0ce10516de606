import { removedSince, SNAPSHOT_KINDS } from '../snapshot/snapshot.ts';
import type { DataRule } from './rule.ts';

/** Our threshold (rules.md §7): more than this share of the earlier records gone. */
export const REMOVAL_HOLD_SHARE = 0.1;

export const holdRemovals: DataRule = {
  code: 'hold-removals',
  severity: 'hold',
  title: 'Many records removed since the last run',
  explanation:
    'Remind pauses the sync for review when a large part of the roster disappears at once (here: more than 10% of ' +
    'the teachers, students, parents or classes of the earlier run of this district): it usually means an export ' +
    'was incomplete, not that people left.',
  fix: 'Check that the export contains every school and every file, then run the check again. If the removals are real (e.g. a school left the district), Remind will ask you to confirm them.',
  message: (f) => `${f.value} ${f.field} of the earlier run are gone from these files (${f.detail}).`,
  start: (ctx) => ({
    end() {
      if (!ctx.previous || !ctx.current) return;
      const removed = removedSince(ctx.previous, ctx.current);
      for (const kind of SNAPSHOT_KINDS) {
        const { gone, before } = removed[kind];
        if (before > 0 && gone / before > REMOVAL_HOLD_SHARE) {
          ctx.reportDistrict(holdRemovals, {
            field: kind,
            value: `${gone} of ${before}`,
            detail: `${Math.round((gone / before) * 100)}%`,
          });
        }
      }
    },
  }),
};
