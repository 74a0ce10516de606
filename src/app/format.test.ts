import { describe, expect, it } from 'vitest';
import { bytes, count, counted } from './format.ts';

describe('numbers as the page writes them', () => {
  it.each<[number, string]>([
    [0, '0'],
    [7, '7'],
    [1204, '1,204'],
    [1_000_000, '1,000,000'],
    [-12345, '-12,345'],
    [2.5, '2.5'],
  ])('count(%s) is %s, as toLocaleString("en-US") writes it', (n, text) => {
    expect(count(n)).toBe(text);
    expect(count(n)).toBe(n.toLocaleString('en-US'));
  });

  it.each<[number, string, string | undefined, string]>([
    [1, 'record', undefined, '1 record'],
    [1204, 'record', undefined, '1,204 records'],
    [0, 'class', 'classes', '0 classes'],
  ])('counted(%s, %s)', (n, word, plural, text) => {
    expect(counted(n, word, plural)).toBe(text);
  });

  it.each<[number, string]>([
    [512, '512 B'],
    [2048, '2.0 KB'],
    [45.4 * 1024 ** 2, '45.4 MB'],
    [1.1 * 1024 ** 3, '1.10 GB'],
  ])('bytes(%s) is %s', (n, text) => {
    expect(bytes(n)).toBe(text);
  });
});
