/** Download Blobs built from the report's piece generators, so no file ever exists as one string. */
import type { ValidationResult } from '../core/report/build.ts';
import { causeFileName, csvFileName, csvPieces, fileSlug } from '../core/report/csv.ts';
import { csvRows } from '../core/report/csv-rows.ts';
import { reportJsonPieces, type AcknowledgedMarks } from '../core/report/json.ts';
import { csvSet } from '../core/report/csv-set.ts';
import { zipChunks } from '../core/report/zip-out.ts';
import type { Download, DownloadRequest } from './api.ts';
import type { FindingFilter } from '../shared/report-types.ts';

/** Each piece becomes a small Blob at once, so its string can be collected while the rest is built. */
export function blobOf(pieces: Iterable<string>, type: string): Blob {
  const parts: Blob[] = [];
  for (const piece of pieces) parts.push(new Blob([piece]));
  return new Blob(parts, { type });
}

/**
 * "roster-check-north-high-2026-11-28.zip": the files name no district in most formats, so the zip is
 * named after the district's one school, or "district" with its number of schools.
 */
export function zipFileName(result: ValidationResult): string {
  const schools = result.roster.schools;
  const district = schools.length === 1 ? fileSlug(schools[0].name) : `district-${schools.length}-schools`;
  return `roster-check-${district}-${result.summary.generatedAt.slice(0, 10)}.zip`;
}

/** `acknowledged`: the district's acknowledgements, marked as `--acknowledged` marks them. */
export function buildDownload(
  result: ValidationResult,
  request: DownloadRequest,
  acknowledged?: AcknowledgedMarks,
): Download {
  const is = acknowledged?.is;
  if (request.kind === 'zip') {
    const entries = [...csvSet(result)].map(({ name, filter, only }) => ({
      name,
      pieces: csvPieces(csvRows(result, filter, is, only)),
    }));
    return {
      name: zipFileName(result),
      blob: new Blob(zipChunks(entries) as BlobPart[], { type: 'application/zip' }),
    };
  }
  if (request.kind === 'json') {
    const day = result.summary.generatedAt.slice(0, 10);
    return {
      name: `roster-report-${day}.json`,
      blob: blobOf(reportJsonPieces(result, undefined, acknowledged), 'application/json'),
    };
  }
  const filter: FindingFilter = { school: request.school, code: request.code, cause: request.cause };
  const cause = request.cause === undefined ? undefined : result.summary.causes?.[request.cause];
  return {
    name: cause ? causeFileName(request.cause!, cause) : csvFileName(filter),
    blob: blobOf(csvPieces(csvRows(result, filter, is)), 'text/csv;charset=utf-8'),
  };
}
