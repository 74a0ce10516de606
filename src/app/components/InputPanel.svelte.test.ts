// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import InputPanel from './InputPanel.svelte';

afterEach(cleanup);

function pick(input: HTMLElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  return fireEvent.change(input);
}

describe('the input panel', () => {
  it('sends the files picked with "Roster files", named as picked', async () => {
    const onFiles = vi.fn();
    render(InputPanel, { busy: false, onFiles, onSample: () => {} });
    const users = new File(['sourcedId'], 'users.csv');
    const orgs = new File(['sourcedId'], 'orgs.csv');
    await pick(screen.getByLabelText('Roster files'), [users, orgs]);
    expect(onFiles).toHaveBeenCalledWith(
      [
        { name: 'users.csv', blob: users },
        { name: 'orgs.csv', blob: orgs },
      ],
      '2 files',
    );
  });

  it('loads the sample district from its button', async () => {
    const onSample = vi.fn();
    render(InputPanel, { busy: false, onFiles: () => {}, onSample });
    await fireEvent.click(screen.getByRole('button', { name: 'Try the sample district' }));
    expect(onSample).toHaveBeenCalledOnce();
  });

  it('pauses every way in while a check runs', async () => {
    const onFiles = vi.fn();
    render(InputPanel, { busy: true, onFiles, onSample: () => {} });
    expect((screen.getByLabelText('Roster files') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Roster folder') as HTMLInputElement).disabled).toBe(true);
    expect(
      (screen.getByRole('button', { name: 'Try the sample district' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    const drop = screen.getByRole('group', { name: 'Drop area' });
    await fireEvent.drop(drop, { dataTransfer: { items: [], files: [new File(['x'], 'a.csv')] } });
    expect(onFiles).not.toHaveBeenCalled();
  });

  it('takes dropped files', async () => {
    const onFiles = vi.fn();
    render(InputPanel, { busy: false, onFiles, onSample: () => {} });
    const users = new File(['x'], 'users.csv');
    await fireEvent.drop(screen.getByRole('group', { name: 'Drop area' }), {
      dataTransfer: { items: [], files: [users] },
    });
    await vi.waitFor(() =>
      expect(onFiles).toHaveBeenCalledWith([{ name: 'users.csv', blob: users }], 'users.csv'),
    );
  });
});
