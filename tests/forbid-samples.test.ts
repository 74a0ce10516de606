import { join } from 'node:path';
import { expect, it } from 'vitest';
import { forbidSamples } from '../vite.config.ts';
import { SHARED_SAMPLES, VENDORED_SAMPLES } from './fixtures/samples.ts';

const load = (id: string) => (forbidSamples().load as (this: unknown, id: string) => unknown).call({}, id);

it.each([
  ['the vendored sample set', join(VENDORED_SAMPLES, 'oneroster/edfi-lms-toolkit-or11-bulk/users.csv')],
  ['a shared sample set', join(SHARED_SAMPLES, 'clever/clever-sandbox-2015/students.csv') + '?raw'],
  ['a Windows path', 'C:\\repo\\tests\\fixtures\\samples\\oneroster\\x\\users.csv'],
])('the build refuses to bundle %s', (_, id) => {
  expect(() => load(id)).toThrow(/is test data from .* must not be bundled/);
});

it('lets the app’s own files through', () => {
  expect(load(join(import.meta.dirname, '..', 'src', 'core', 'generate', 'generate.ts'))).toBeNull();
});
