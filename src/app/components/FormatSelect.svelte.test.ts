// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FORMATS } from '../../worker/validator.ts';
import FormatSelect from './FormatSelect.svelte';

afterEach(cleanup);

const format = (id: string) => FORMATS.find((f) => f.id === id)!;

describe('the format choice', () => {
  it('lists every format, marks reconstructed layouts, and re-runs on a change', async () => {
    const onChange = vi.fn();
    render(FormatSelect, { format: format('clever'), formats: FORMATS, chosen: false, onChange });
    const select = screen.getByRole('combobox', { name: 'Format' }) as HTMLSelectElement;
    expect(select.value).toBe('clever');
    expect([...select.options].map((o) => o.text)).toEqual(
      FORMATS.map((f) => f.label + (f.reconstructed ? ' (layout reconstructed)' : '')),
    );
    expect(screen.getByText(/detected from the files/)).toBeTruthy();
    expect(screen.queryByText('Layout reconstructed.')).toBeNull();
    await fireEvent.change(select, { target: { value: 'remind-csv-2.0' } });
    expect(onChange).toHaveBeenCalledWith('remind-csv-2.0');
  });

  it('says when the layout is reconstructed and when the person chose the format', () => {
    render(FormatSelect, {
      format: format('remind-csv-2.0'),
      formats: FORMATS,
      chosen: true,
      onChange: () => {},
    });
    expect(screen.getByText('Layout reconstructed.')).toBeTruthy();
    expect(screen.getByText(/chosen by you/)).toBeTruthy();
  });
});
