import { describe, expect, it } from 'vitest';
import type { Acknowledgement } from '../core/report/acknowledged.ts';
import { withAcknowledgements, withoutAcknowledgements } from './acknowledgement-lists.ts';

const ack = (id: string, note: string | null = null, value: string | null = null): Acknowledgement => ({
  code: 'teacher-email',
  id,
  field: 'email',
  value,
  note,
});
const notes = (list: Acknowledgement[]) => list.map((a) => `${a.id}${a.value ?? ''}:${a.note ?? ''}`);

describe('adding acknowledgements to a list', () => {
  it.each<[string, Acknowledgement[], Acknowledgement[], boolean, string[]]>([
    ['new ones go after the kept ones', [ack('a')], [ack('b'), ack('c')], true, ['a:', 'b:', 'c:']],
    ['a note given again replaces the old one', [ack('a', 'old')], [ack('a', 'new')], true, ['a:new']],
    ['without replaceNotes the kept note stays', [ack('a', 'old')], [ack('a', 'new')], false, ['a:old']],
    ['the same one twice is kept once', [], [ack('a'), ack('a')], false, ['a:']],
    ['another value is another finding', [ack('a', null, 'x@')], [ack('a')], true, ['ax@:', 'a:']],
  ])('%s', (_, items, added, replaceNotes, expected) => {
    expect(notes(withAcknowledgements(items, added, replaceNotes))).toEqual(expected);
  });
});

describe('removing acknowledgements from a list', () => {
  it.each<[string, Acknowledgement[], Acknowledgement[], string[]]>([
    ['matched whatever their note', [ack('a', 'kept'), ack('b')], [ack('a', 'other')], ['b:']],
    ['one of another value stays', [ack('a', null, 'x@')], [ack('a')], ['ax@:']],
    ['nothing to remove', [ack('a')], [], ['a:']],
  ])('%s', (_, items, removed, expected) => {
    expect(notes(withoutAcknowledgements(items, removed))).toEqual(expected);
  });
});
