/**
 * The second round of bad input (issue 14): files that share a name, rows of millions of empty
 * cells, zips whose directory lies about an entry's size, and odd encodings. Same shape as
 * corpus.ts, whose CASES include these.
 */
import type { HostileCase } from './corpus.ts';
import * as make from './inputs.ts';
import type { Files } from './inputs.ts';

const students = (...rows: string[]) => make.district()['students.csv'] + rows.map((r) => r + '\n').join('');
const otherStudents = () => students(make.studentRow('st2', 'Copy').join(','));
const withoutStudents = (): Files => {
  const files: Files = make.district();
  delete files['students.csv'];
  return files;
};

/** A zip whose directory lists `name` twice (each with its own content), as a broken archiver writes. */
export function zipWithEntryTwice(name: string, first: string, second: string): Uint8Array {
  const stand = name.replace(/.(?=\.[^.]*$)/, '~'); // same length, so the bytes can be renamed in place
  const zip = make.zipOf({ [name]: first, [stand]: second });
  const [from, to] = [new TextEncoder().encode(stand), new TextEncoder().encode(name)];
  for (let i = 0; i + from.length <= zip.length; i++)
    if (from.every((b, j) => zip[i + j] === b)) zip.set(to, i);
  return zip;
}

export const ROUND_2: HostileCase[] = [
  {
    name: 'two zips that both hold students.csv',
    files: () => ({
      'a.zip': make.zipOf(make.district()),
      'b.zip': make.zipOf({ 'students.csv': otherStudents() }),
    }),
    formatting: ['file-ignored b.zip/students.csv'],
    says: /^b\.zip\/students\.csv was not checked: another students\.csv was given \(a\.zip\/students\.csv\); only that one was read\.$/,
    totals: { students: 1 },
  },
  {
    name: 'a loose students.csv and a zip holding another',
    files: () => ({ ...make.district(), 'copy.zip': make.zipOf({ 'students.csv': otherStudents() }) }),
    formatting: ['file-ignored copy.zip/students.csv'],
    says: /another students\.csv was given \(students\.csv\); only that one was read/,
    totals: { students: 1 },
  },
  {
    name: 'a zip that lists students.csv twice',
    files: () => ({
      ...withoutStudents(),
      'district.zip': zipWithEntryTwice('students.csv', students(), otherStudents()),
    }),
    formatting: ['file-ignored district.zip/students.csv (2)'],
    says: /it is the 2nd file given as district\.zip\/students\.csv; another students\.csv was given \(district\.zip\/students\.csv\)/,
    totals: { students: 1 },
  },
];
