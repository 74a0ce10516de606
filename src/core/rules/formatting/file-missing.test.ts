import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../formats/registry.ts';
import type { FormatId } from '../../formats/types.ts';
import { DISTRICTS, districtFiles } from '../../../../tests/fixtures/districts.ts';
import { findings, run, summary } from '../../../../tests/helpers.ts';

const without = (format: FormatId, ...names: string[]) => {
  const files = districtFiles(format);
  for (const name of names) delete files[name];
  return files;
};

const requiredFiles = (Object.keys(DISTRICTS) as FormatId[]).flatMap((format) =>
  adapterFor(format)!
    .files.filter((f) => f.required === 'yes')
    .map((f) => [format, f.name] as const),
);

describe('file-missing', () => {
  it.each(requiredFiles)('%s without %s: blocks', async (format, name) => {
    const result = await run(without(format, name), { format });
    expect(summary(result, 'file-missing')).toEqual([`file-missing/required ${name}`]);
    const [finding] = findings(result, 'file-missing');
    expect(finding).toMatchObject({ file: name, row: null, entity: 'file', message: `${name} is missing.` });
    expect(result.summary.blocked).toBe(true);
  });

  it('lists every missing file, each once', async () => {
    const result = await run(without('remind-csv-1.0', 'classes.csv', 'enrollments.csv'));
    expect(summary(result, 'file-missing')).toEqual([
      'file-missing/required classes.csv',
      'file-missing/required enrollments.csv',
    ]);
  });

  it.each<[FormatId, string]>([
    ['oneroster-1.1', 'courses.csv'],
    ['oneroster-1.1', 'academicSessions.csv'],
    ['oneroster-1.2', 'courses.csv'],
  ])('%s without the optional %s: no finding', async (format, name) => {
    const result = await run(without(format, name));
    expect(result.summary.format.id).toBe(format);
    expect(summary(result)).toEqual([]);
  });

  it('Clever without the optional staff.csv: no finding', async () => {
    expect(summary(await run(districtFiles('clever')), 'file-missing')).toEqual([]);
  });

  it.each<FormatId>(['oneroster-1.1', 'oneroster-1.2'])(
    '%s without demographics.csv: does not block, every student has no birth date',
    async (format) => {
      const students = [
        { ...DISTRICTS[format]['users.csv'][1] },
        { ...DISTRICTS[format]['users.csv'][1], sourcedId: 'st2', username: 'st2' },
      ];
      const users = [...DISTRICTS[format]['users.csv'], students[1]];
      const changes =
        format === 'oneroster-1.1'
          ? { 'users.csv': users }
          : {
              'users.csv': users,
              'roles.csv': [
                ...DISTRICTS[format]['roles.csv'],
                {
                  sourcedId: 'r4',
                  userSourcedId: 'st2',
                  roleType: 'primary',
                  role: 'student',
                  orgSourcedId: 's1',
                },
              ],
            };
      const files = districtFiles(format, changes);
      delete files['demographics.csv'];
      const result = await run(files);
      expect(summary(result)).toEqual([
        'file-missing/optional demographics.csv',
        'student-dob/missing st1',
        'student-dob/missing st2',
      ]);
      expect(findings(result, 'file-missing')[0].message).toBe(
        "demographics.csv is missing: students' birth dates come from it, so every student is reported without one.",
      );
      expect(result.summary.blocked).toBe(false);
    },
  );
});
