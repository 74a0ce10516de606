// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { FORMAT_IDS } from '../../core/formats/registry.ts';
import NextSteps from './NextSteps.svelte';

afterEach(cleanup);

describe('next steps under the verdict', () => {
  it('Clever: changes reach Remind through Clever’s nightly sync or “Check for new Clever data”', () => {
    render(NextSteps, { format: 'clever' });
    const text = screen.getByRole('region', { name: 'Next steps' }).textContent!;
    expect(text).toMatch(/nightly sync \(11 pm – 5 am PT\)/);
    expect(text).toContain('Check for new Clever data');
    expect(text).not.toMatch(/SFTP/);
  });

  it.each(FORMAT_IDS.filter((f) => f !== 'clever'))(
    '%s: export again and upload all files by SFTP',
    (format) => {
      render(NextSteps, { format });
      const steps = within(screen.getByRole('region', { name: 'Next steps' })).getAllByRole('listitem');
      expect(steps.map((s) => s.textContent).join(' ')).toMatch(
        /all the required files to Remind by SFTP.*next scheduled sync/,
      );
      expect(steps.map((s) => s.textContent).join(' ')).not.toMatch(/Clever/);
    },
  );
});
