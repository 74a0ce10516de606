/**
 * Valid districts of each format (from the synthetic district generator, planted problems and all),
 * damaged by one to five random mutations (mutate.ts). The engine must still answer with a report
 * of the documented shape, or refuse with one line.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FORMAT_IDS } from '../../src/core/formats/registry.ts';
import { generateInMemory, planDistrict } from '../../src/core/generate/generate.ts';
import { checkEngine, holds, runs, timeout, type NamedBytes } from './kit.ts';
import { apply, mutation } from './mutate.ts';

describe.each(FORMAT_IDS)('fuzz: mutated %s districts', (format) => {
  const valid: NamedBytes[] = [
    ...generateInMemory(planDistrict({ format, students: 40, seed: 3, rate: 0.05 })),
  ].map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text) }));

  it(
    'never throw out of the engine, forced to the format or detected',
    async () => {
      await holds(
        fc.asyncProperty(
          fc.array(mutation, { minLength: 1, maxLength: 5 }),
          fc.boolean(),
          async (mutations, forced) =>
            void (await checkEngine(apply(valid, mutations), forced ? format : undefined)),
        ),
        runs(200, 0.1),
      );
    },
    timeout(30_000),
  );
});
