/**
 * Mutations of valid files, as plain data so fast-check can print and shrink them: bytes, cells,
 * delimiters, quotes, headers, line endings, truncation, re-encoding, and whole files dropped,
 * doubled, renamed or zipped. `apply` turns a list of them into the files the engine gets.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { utf16, windows1252 } from '../hostile/inputs.ts';
import type { NamedBytes } from './kit.ts';

export type Mutation =
  | { op: 'bytes'; file: number; at: number; remove: number; insert: Uint8Array }
  | { op: 'cell'; file: number; row: number; column: number; value: string }
  | { op: 'delimiter'; file: number; row: number; to: string }
  | {
      op: 'header';
      file: number;
      column: number;
      how: 'drop' | 'double' | 'rename' | 'upper' | 'pad' | 'swap';
    }
  | { op: 'eol'; file: number; to: '\r\n' | '\r' | 'mixed' | 'none' }
  | { op: 'truncate'; file: number; at: number }
  | {
      op: 'encode';
      file: number;
      as: 'utf-16le' | 'utf-16be' | 'utf-16le-no-bom' | 'windows-1252' | 'utf-8-bom';
    }
  | { op: 'files'; file: number; how: 'drop' | 'double' | 'rename' | 'empty' }
  | { op: 'zip'; folder: string };

const HOSTILE_CELLS = [
  ...['', ' ', '"', '""', '"x', 'x"', ',', '\n', '\r\n', '\u0000', '\uFEFF', '\u202E', '😀', 'Zoë'],
  ...['=HYPERLINK("http://x")', '+1 212 555 0100', '-2+3', '@SUM(A1)', '\t=1', '<script>alert(1)</script>'],
  ...['s1', 't1', 'st1', 'p1', 'c1', 'teacher', 'student', 'parent', 'tobedeleted', 'x'.repeat(300)],
];

const at = fc.nat({ max: 1 << 20 });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('bytes'),
    file: at,
    at,
    remove: fc.nat(8),
    insert: fc.uint8Array({ maxLength: 8 }),
  }),
  fc.record({
    op: fc.constant('cell'),
    file: at,
    row: at,
    column: fc.nat(30),
    value: fc.oneof(fc.constantFrom(...HOSTILE_CELLS), fc.string({ unit: 'binary', maxLength: 12 })),
  }),
  fc.record({
    op: fc.constant('delimiter'),
    file: at,
    row: at,
    to: fc.constantFrom(';', '\t', '|', ',,', ''),
  }),
  fc.record({
    op: fc.constant('header'),
    file: at,
    column: fc.nat(30),
    how: fc.constantFrom('drop', 'double', 'rename', 'upper', 'pad', 'swap'),
  }),
  fc.record({ op: fc.constant('eol'), file: at, to: fc.constantFrom('\r\n', '\r', 'mixed', 'none') }),
  fc.record({ op: fc.constant('truncate'), file: at, at }),
  fc.record({
    op: fc.constant('encode'),
    file: at,
    as: fc.constantFrom('utf-16le', 'utf-16be', 'utf-16le-no-bom', 'windows-1252', 'utf-8-bom'),
  }),
  fc.record({
    op: fc.constant('files'),
    file: at,
    how: fc.constantFrom('drop', 'double', 'rename', 'empty'),
  }),
  fc.record({ op: fc.constant('zip'), folder: fc.constantFrom('', 'export/', 'a/b/c/') }),
) as fc.Arbitrary<Mutation>;

const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const encode = (s: string) => new TextEncoder().encode(s);

/** Lines and naive cells (quotes ignored on purpose: a mutation may well break them). */
function editLines(bytes: Uint8Array, edit: (lines: string[][]) => void): Uint8Array {
  const lines = decode(bytes)
    .split('\n')
    .map((l) => l.split(','));
  edit(lines);
  return encode(lines.map((l) => l.join(',')).join('\n'));
}

function mutateFile(m: Exclude<Mutation, { op: 'files' | 'zip' }>, bytes: Uint8Array): Uint8Array {
  switch (m.op) {
    case 'bytes': {
      const i = m.at % (bytes.length + 1);
      return Uint8Array.from([...bytes.subarray(0, i), ...m.insert, ...bytes.subarray(i + m.remove)]);
    }
    case 'cell':
      return editLines(bytes, (lines) => {
        const line = lines[m.row % lines.length];
        line[m.column % line.length] = m.value;
      });
    case 'delimiter':
      return editLines(bytes, (lines) => {
        const i = m.row % lines.length;
        lines[i] = [lines[i].join(m.to)];
      });
    case 'header':
      return editLines(bytes, ([header]) => {
        const i = m.column % header.length;
        const name = header[i];
        if (m.how === 'drop') header.splice(i, 1);
        else if (m.how === 'double') header.splice(i, 0, name);
        else if (m.how === 'rename') header[i] = name + '_x';
        else if (m.how === 'upper') header[i] = name.toUpperCase();
        else if (m.how === 'pad') header[i] = ` ${name} `;
        else [header[i], header[0]] = [header[0], name];
      });
    case 'eol': {
      const text = decode(bytes);
      if (m.to === 'mixed')
        return encode(text.split('\n').reduce((a, l, i) => a + ['\r\n', '\r', '\n'][i % 3] + l));
      return encode(text.replace(/\n/g, m.to === 'none' ? '' : m.to));
    }
    case 'truncate':
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case 'encode': {
      const text = decode(bytes);
      if (m.as === 'windows-1252') return windows1252(text);
      if (m.as === 'utf-8-bom') return Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
      return utf16(text, m.as === 'utf-16be' ? 'be' : 'le', m.as !== 'utf-16le-no-bom');
    }
  }
}

export function apply(original: readonly NamedBytes[], mutations: readonly Mutation[]): NamedBytes[] {
  let files = original.map((f) => ({ ...f }));
  for (const m of mutations) {
    if (m.op === 'zip') {
      const zipped = zipSync(Object.fromEntries(files.map((f) => [m.folder + f.name, f.bytes])));
      files = [{ name: 'district.zip', bytes: zipped }];
      continue;
    }
    if (files.length === 0) continue;
    const i = m.file % files.length;
    if (m.op !== 'files') files[i] = { ...files[i], bytes: mutateFile(m, files[i].bytes) };
    else if (m.how === 'drop') files.splice(i, 1);
    else if (m.how === 'double') files.push({ name: `copy/${files[i].name}`, bytes: files[i].bytes });
    else if (m.how === 'rename') files[i] = { ...files[i], name: files[i].name.toUpperCase() };
    else files[i] = { ...files[i], bytes: strToU8('') };
  }
  return files;
}
