import { describe, expect, it } from 'vitest';
import { findings } from '../../../tests/helpers.ts';
import { runClever, type ContactRow } from '../../../tests/fixtures/rules/clever.ts';

const contact = (type: string, more: Partial<ContactRow> = {}): ContactRow => ({
  student: 'st1',
  name: 'Ann Roe',
  phone: '212-234-5678',
  type,
  ...more,
});

describe('hold-contact-type (rules.md §7, Clever only)', () => {
  it.each([
    ['Emergency', true],
    ['Secondary', true],
    ['emergency', true],
    ['SECONDARY', true],
    [' Emergency ', true],
    ['Guardian', false],
    ['Primary', false],
    ['Emergency contact', false],
    ['', false],
  ])('Contact_type "%s" → hold: %s', async (type, hold) => {
    const found = findings(await runClever([contact(type)]), 'hold-contact-type');
    expect(found.map((f) => f.value)).toEqual(hold ? [type.trim()] : []);
  });

  it('gives one finding per contact', async () => {
    const result = await runClever([
      contact('Emergency', { sisId: 'c1' }),
      contact('Emergency', { sisId: 'c1', student: 'st2' }),
      contact('Secondary', { sisId: 'c2', name: 'Bo Roe', phone: '212-234-5679' }),
      contact('Guardian', { sisId: 'c3', name: 'Cy Roe', phone: '212-234-5670' }),
    ]);
    expect(findings(result, 'hold-contact-type').map((f) => `${f.id} ${f.value}`)).toEqual([
      'c1 Emergency',
      'c2 Secondary',
    ]);
    expect(result.summary.hold).toEqual({ 'hold-contact-type': 2 });
  });

  it('takes a contact identified by name and contact the same way', async () => {
    const result = await runClever([contact('Secondary'), contact('Secondary', { student: 'st2' })]);
    expect(findings(result, 'hold-contact-type').map((f) => `${f.id} ${f.value}`)).toEqual([
      'st1/Ann Roe Secondary',
    ]);
  });

  it('ignores a Contact_type on a row that carries no contact', async () => {
    const result = await runClever([{ student: 'st1', type: 'Emergency' }]);
    expect(findings(result, 'hold-contact-type')).toEqual([]);
  });

  it('is a hold about the contact', async () => {
    const [finding] = findings(await runClever([contact('Emergency')]), 'hold-contact-type');
    expect(finding).toMatchObject({ severity: 'hold', entity: 'parent', field: 'Contact_type', schools: [] });
    expect(finding.message).toBe('Contact Ann Roe has contact type "Emergency".');
  });
});
