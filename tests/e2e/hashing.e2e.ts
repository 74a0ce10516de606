/**
 * The files' SHA-256 in the page (docs/dev/performance.md, "Hashing in the browser"): chosen files are
 * hashed by a second worker (Web Crypto for files up to 128 MiB, as here), a zip's entries by the
 * checking worker with hash-wasm's WebAssembly, and the report's `files[].sha256` are node:crypto's
 * digests of the same bytes either way. The worker may compile WebAssembly
 * under the site's policy (it does not inherit the page's meta tag); the page itself may not.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseNameOf, chooseFiles, generatedDistrict, openApp, tempDir, waitForReport } from './app.ts';
import { hasBrowser, openSession, type Session } from './browser.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The smallest WebAssembly module: compiling it is what a policy without 'wasm-unsafe-eval' refuses. */
const compileWasm = () =>
  WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
    () => 'compiled',
    () => 'refused',
  );

async function reportFiles(page: Page): Promise<{ name: string; sha256: string }[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report (JSON)' }).click(),
  ]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    files: { name: string; sha256: string }[];
  };
  return report.files.map(({ name, sha256 }) => ({ name, sha256 }));
}

describe.skipIf(!hasBrowser())('hashing the files in the page', () => {
  let session: Session;
  let paths: string[];
  const root = tempDir('hashing');
  beforeAll(async () => {
    paths = await generatedDistrict('clever', join(root, 'clever'), { students: 2000, seed: 3 });
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('chosen files: node:crypto’s digests in the report', async () => {
    const { page } = session;
    await openApp(page);
    await chooseFiles(page, paths);
    await waitForReport(page);
    expect(await reportFiles(page)).toEqual(
      paths.map((p) => ({ name: baseNameOf(p), sha256: sha256(readFileSync(p)) })),
    );
  });

  it('a zip’s entries: the same digests', async () => {
    const { page } = session;
    const zip = join(root, 'export.zip');
    writeFileSync(zip, zipSync(Object.fromEntries(paths.map((p) => [baseNameOf(p), readFileSync(p)]))));
    await openApp(page);
    await chooseFiles(page, [zip]);
    await waitForReport(page);
    expect(await reportFiles(page)).toEqual(
      paths.map((p) => ({ name: baseNameOf(p), sha256: sha256(readFileSync(p)) })),
    );
  });

  it('the checking worker may compile WebAssembly under the site’s policy; the page may not', async () => {
    const { page } = session;
    expect(await page.evaluate(compileWasm)).toBe('refused');
    const workers = page.workers();
    expect(workers).toHaveLength(1);
    expect(await workers[0].evaluate(compileWasm)).toBe('compiled');
  });

  it('sent nothing to any other origin and logged no error', () => {
    expect(session.foreign()).toEqual([]);
    // The page's own refused compile above is a policy report, not an error of the app.
    expect(session.problems().filter((p) => !/WebAssembly|wasm-eval|unsafe-eval/.test(p))).toEqual([]);
  });
});
