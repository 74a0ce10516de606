/**
 * The page's "Try the sample district": a small Clever district made by the generator (4 schools,
 * 400 students), then given the file-level mistakes districts really make, so that every finding
 * code shows up once the page runs it:
 *
 * - enrollments.csv is left out (file-missing). Clever students keep their schools from
 *   students.csv, so nothing else is lost but class membership, which no rule reads.
 * - staff.csv was saved as a spreadsheet, staff.xlsx (file-unreadable). Staff are optional in
 *   Clever, so only they are lost; but as a file that defines people is unreadable, references to
 *   people are no longer checked, so the demo's ref-unknown comes from a school ID instead.
 * - teachers.csv names its last-name column "Last Name" (header-missing; teachers then show without
 *   a last name, which no rule needs) and was saved in Windows-1252 ("José": encoding).
 * - sections.csv gained a section whose name is a pasted 66,000-character syllabus (cell-too-long;
 *   the row is left out of the other checks).
 * - students.csv gained a row with an unquoted "Smith, Jr." (row-columns), a student of a school
 *   the export does not include (ref-unknown; the report lists that student under "(no school)"),
 *   a second contact row of its first student with another birth date (record-conflict), and a
 *   student without a Student_id (id-missing).
 * - students.csv was opened in a spreadsheet: a grade became the date `5-Jan`, and a contact's phone
 *   became a number in scientific notation (spreadsheet-damage; that parent's phone-unsupported says it comes from it).
 * - export_log.txt came along with the CSVs (file-ignored).
 *
 * Every other code is planted by the generator itself. hold-removals needs an earlier run: the page
 * validates sampleDistrictPreviousFiles() first: the same district with 70 more students, so 15% of
 * its students (and some teachers, parents and classes) are gone.
 */
import { strToU8, zipSync } from 'fflate';
import { generateInMemory, planDistrict } from './generate.ts';
import type { GenerateOptions } from './layout.ts';
import { CLEVER_COLUMNS } from './write-clever.ts';
import { scientific } from './spreadsheet.ts';

export interface GeneratedFile {
  name: string;
  content: Uint8Array;
}

const SAMPLE: GenerateOptions = { format: 'clever', students: 400, schools: 4, seed: 2026, rate: 0.005 };
const EARLIER_STUDENTS = 470;
const SYLLABUS_CHARS = 66_000;

/** A row of a generated file, given some of its cells by column name (the others empty). */
function row(header: string, cells: Record<string, string>): string {
  return (
    header
      .split(',')
      .map((column) => cells[column] ?? '')
      .join(',') + '\n'
  );
}

/** Replaces one cell of a data row (rows of the generated files have no quoted cells). */
function setCell(text: string, rowNumber: number, column: string, header: string, value: string): string {
  const lines = text.split('\n');
  const cells = lines[rowNumber - 1].split(',');
  cells[header.split(',').indexOf(column)] = value;
  lines[rowNumber - 1] = cells.join(',');
  return lines.join('\n');
}

/** Text whose characters are all below U+0100 as Windows-1252 bytes (they agree there above U+009F). */
function windows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) throw new Error(`Not a Latin-1 character at ${i}`);
    bytes[i] = code;
  }
  return bytes;
}

function syllabus(): string {
  const sentence =
    'Week by week the class reads one novel and writes one essay and every Friday there is a quiz ';
  return ('Course syllabus ' + sentence.repeat(Math.ceil(SYLLABUS_CHARS / sentence.length))).slice(
    0,
    SYLLABUS_CHARS,
  );
}

export function sampleDistrictFiles(): GeneratedFile[] {
  const plan = planDistrict(SAMPLE);
  const files = generateInMemory(plan);
  const d = plan.district;
  const [firstSchool] = d.schools;

  let teachers = files.get('teachers.csv')!.replace(/^([^\n]*)Last_name/, '$1Last Name');
  teachers = setCell(teachers, 2, 'First_name', CLEVER_COLUMNS['teachers.csv'], 'José');

  const sections =
    files.get('sections.csv')! +
    row(CLEVER_COLUMNS['sections.csv'], {
      School_id: firstSchool.id,
      Section_id: d.classId(d.layout.classes),
      Teacher_id: d.teacherId(firstSchool.firstTeacher),
      Name: syllabus(),
      Course_name: 'English 6',
      Period: '8',
    });

  const student = (i: number, school: string, last: string) =>
    row(CLEVER_COLUMNS['students.csv'], {
      School_id: school,
      Student_id: d.studentId(i),
      Last_name: last,
      First_name: 'Jordan',
      DOB: '3/14/2016',
      Grade: '5',
    });
  const header = CLEVER_COLUMNS['students.csv'];
  let opened = setCell(files.get('students.csv')!, 2, 'Grade', header, '5-Jan');
  const lines = opened.split('\n');
  const phoneAt = header.split(',').indexOf('Contact_phone');
  const withPhone = lines.findIndex((l, i) => i > 0 && /\d/.test(l.split(',')[phoneAt] ?? ''));
  const phone = lines[withPhone].split(',')[phoneAt];
  opened = setCell(opened, withPhone + 1, 'Contact_phone', header, scientific(phone.replace(/\D/g, '')));
  const firstStudentRow = files.get('students.csv')!.split('\n', 2)[1];
  const repeated = setCell(`\n${firstStudentRow}\n`, 2, 'DOB', header, '2/29/2016');
  const students =
    opened +
    repeated.slice(1) +
    student(d.layout.students, firstSchool.id, 'Smith, Jr.') +
    student(d.layout.students + 1, 'SCH900', 'Lee') +
    row(CLEVER_COLUMNS['students.csv'], { School_id: firstSchool.id, First_name: 'Sam', Last_name: 'Park' });

  return [
    { name: 'schools.csv', content: strToU8(files.get('schools.csv')!) },
    { name: 'teachers.csv', content: windows1252(teachers) },
    { name: 'staff.xlsx', content: zipSync({ 'staff.csv': strToU8(files.get('staff.csv')!) }) },
    { name: 'students.csv', content: strToU8(students) },
    { name: 'sections.csv', content: strToU8(sections) },
    {
      name: 'export_log.txt',
      content: strToU8(
        `Clever SFTP export for ${d.layout.name}\nFiles: schools, teachers, students, sections\n`,
      ),
    },
  ];
}

/** The same district as exported earlier, with more students (enough for hold-removals) and no file mistakes. */
export function sampleDistrictPreviousFiles(): GeneratedFile[] {
  const files = generateInMemory(planDistrict({ ...SAMPLE, students: EARLIER_STUDENTS }));
  return [...files].map(([name, text]) => ({ name, content: strToU8(text) }));
}
