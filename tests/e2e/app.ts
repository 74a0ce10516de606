/**
 * What the browser tests do with the page, as a person would (labels, roles, visible text), and the
 * engine's own answer for the same files, computed in the test process to compare with.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { writeDistrict } from '../../scripts/gen.ts';
import { validate } from '../../src/core/engine/validate.ts';
import { sampleDistrictFiles, sampleDistrictPreviousFiles } from '../../src/core/generate/sample.ts';
import type { FormatId } from '../../src/core/formats/types.ts';
import { sourceFromBytes, type SourceFile } from '../../src/core/input/source.ts';
import type { ValidationResult } from '../../src/core/report/build.ts';
import { schoolCounts, schoolStatus, STATUS_LABEL, syncState } from '../../src/core/report/status.ts';
import type { SchoolEntry } from '../../src/core/report/types.ts';
import { ruleFor } from '../../src/core/rules/registry.ts';
import { baseURL } from './browser.ts';

export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

/** A fresh folder for this test file's generated districts. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `roster-check-e2e-${label}-`));
}

/** A synthetic district written by the project's generator; returns its files' paths, sorted. */
export async function generatedDistrict(
  format: FormatId,
  dir: string,
  options: { students?: number; seed?: number; schools?: number } = {},
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  await writeDistrict(
    { format, students: options.students ?? 300, seed: options.seed ?? 7, schools: options.schools ?? 3 },
    dir,
  );
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name));
}

export const baseNameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * The engine's report for the same files as the page gets them: files on disk under their base names,
 * or files made in memory, in this order.
 */
export function engineReport(files: readonly (string | DroppedFile)[]): Promise<ValidationResult> {
  const sources: SourceFile[] = files.map((f) =>
    typeof f === 'string'
      ? sourceFromBytes(baseNameOf(f), new Uint8Array(readFileSync(f)))
      : sourceFromBytes(f.name, f.bytes),
  );
  return validate(sources, { now: new Date() });
}

/** The engine's report for the sample district, compared with its earlier export as the page does. */
export async function sampleReport(): Promise<ValidationResult> {
  const now = new Date();
  const sources = (files: { name: string; content: Uint8Array }[]) =>
    files.map((f) => sourceFromBytes(f.name, f.content));
  const previous = await validate(sources(sampleDistrictPreviousFiles()), { now });
  return validate(sources(sampleDistrictFiles()), { now, previous: previous.snapshot });
}

export async function openApp(page: Page, path = ''): Promise<void> {
  await page.goto(new URL(path, baseURL()).href);
  await page.getByRole('heading', { name: 'Choose the files to check' }).waitFor();
}

export async function chooseFiles(page: Page, paths: readonly string[]): Promise<void> {
  await page.getByLabel('Roster files', { exact: true }).setInputFiles([...paths]);
}

export interface DroppedFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Drops files on the drop area, as dragging them from the desktop does. */
export async function dropFiles(page: Page, files: readonly DroppedFile[]): Promise<void> {
  const list = files.map((f) => ({ ...f, base64: Buffer.from(f.bytes).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((given) => {
    const transfer = new DataTransfer();
    for (const f of given) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.mimeType }));
    }
    return transfer;
  }, list);
  await page.getByRole('group', { name: 'Drop area' }).dispatchEvent('drop', { dataTransfer });
}

/** A file on disk as dropped from the desktop (under its base name). */
export function droppedFromDisk(path: string, mimeType = 'text/csv'): DroppedFile {
  return { name: baseNameOf(path), mimeType, bytes: new Uint8Array(readFileSync(path)) };
}

/** A folder picked with "Roster folder" (the browser names its files "folder/file.csv"). */
export async function chooseFolder(page: Page, dir: string): Promise<void> {
  await page.getByLabel('Roster folder', { exact: true }).setInputFiles(dir);
}

export async function runSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try the sample district' }).click();
  await waitForReport(page);
}

export function schoolsTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Schools' });
}

export async function waitForReport(page: Page, timeout = 60_000): Promise<void> {
  await schoolsTable(page).waitFor({ timeout });
}

/** One row of the Schools table, as text (numbers without their thousands separators). */
export interface SchoolRow {
  name: string;
  teachers: number;
  students: number;
  errors: number;
  alerts: number;
  status: string;
}

const number = (text: string | undefined) => Number((text ?? '').replace(/,/g, '').trim());

/** Every row of the Schools table, in the order shown. */
export async function shownSchools(page: Page): Promise<SchoolRow[]> {
  const cells = await schoolsTable(page)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
  return cells.map(([name, teachers, students, errors, alerts, status]) => ({
    name: (name ?? '').trim(),
    teachers: number(teachers),
    students: number(students),
    errors: number(errors),
    alerts: number(alerts),
    status: (status ?? '').replace(/^\W+/, '').trim(),
  }));
}

/** What the Schools table should say for the engine's schools (none "Ready" while the sync is blocked or held). */
export function expectedSchools(summary: {
  schools: readonly SchoolEntry[];
  blocked: boolean;
  totals: { hold: number };
}): SchoolRow[] {
  return summary.schools.map((s) => ({
    name: s.name,
    teachers: s.counts.teachers,
    students: s.counts.students,
    ...schoolCounts(s),
    status: STATUS_LABEL[schoolStatus(s, syncState(summary))],
  }));
}

export const byName = (a: SchoolRow, b: SchoolRow) => a.name.localeCompare(b.name);

/** The box of one finding type (its title, count, explanation, fixes, records and download). */
export function findingGroup(page: Page, code: string): Locator {
  const title = ruleFor(code).title;
  return page
    .locator('section.group')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

export async function openSchool(page: Page, name: string): Promise<void> {
  await schoolsTable(page).getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 3 }).waitFor();
}

/** A full-page screenshot under test-results/screenshots/ (git-ignored), to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
