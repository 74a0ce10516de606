/** Download Blobs built from the report's piece generators, so no file ever exists as one string. */
import type { ValidationResult } from '../core/report/build.ts';
import { csvFileName, csvPieces } from '../core/report/csv.ts';
import { csvRows } from '../core/report/csv-rows.ts';
import { reportJsonPieces } from '../core/report/json.ts';
import type { Download, DownloadRequest } from './api.ts';
import type { FindingFilter } from '../shared/report-types.ts';

/** Each piece becomes a small Blob at once, so its string can be collected while the rest is built. */
export function blobOf(pieces: Iterable<string>, type: string): Blob {
  const parts: Blob[] = [];
  for (const piece of pieces) parts.push(new Blob([piece]));
  return new Blob(parts, { type });
}

export function buildDownload(result: ValidationResult, request: DownloadRequest): Download {
  if (request.kind === 'json') {
    const day = result.summary.generatedAt.slice(0, 10);
    return {
      name: `roster-report-${day}.json`,
      blob: blobOf(reportJsonPieces(result), 'application/json'),
    };
  }
  const filter: FindingFilter = { school: request.school, code: request.code };
  return {
    name: csvFileName(filter),
    blob: blobOf(csvPieces(csvRows(result, filter)), 'text/csv;charset=utf-8'),
  };
}
