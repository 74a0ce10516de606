/** From what the page sends to the engine's SourceFiles: Blobs are wrapped, never read whole. */
import { DATA_FILE } from '../core/input/expand.ts';
import { baseName, blobAccess, sourceFromBytes, sourceFromRandomAccess } from '../core/input/source.ts';
import type { SourceFile } from '../core/input/source.ts';
import { sampleDistrictFiles, sampleDistrictPreviousFiles } from '../core/generate/sample.ts';
import type { InputFile, RunInput } from './api.ts';

/** Files of a folder worth checking: data files and archives, not hidden or system files. */
export function keepFolderFile(path: string): boolean {
  const name = baseName(path);
  return !name.startsWith('.') && (DATA_FILE.test(name) || /\.zip$/i.test(name));
}

const blobs = new WeakMap<SourceFile, Blob>();

export function sourceOfInput(file: InputFile): SourceFile {
  const source = sourceFromRandomAccess(file.name, blobAccess(file.blob));
  blobs.set(source, file.blob);
  return source;
}

/** The Blob a source reads, for a file as chosen (not a zip's entry): the second worker hashes it. */
export function blobOf(source: SourceFile): Blob | undefined {
  return blobs.get(source);
}

export function sourcesOf(input: RunInput): SourceFile[] {
  if (input.kind === 'sample') return sampleDistrictFiles().map((f) => sourceFromBytes(f.name, f.content));
  return input.files.filter((f) => !f.fromFolder || keepFolderFile(f.name)).map(sourceOfInput);
}

/** The sample district as exported earlier (see validator.ts). */
export function samplePreviousSources(): SourceFile[] {
  return sampleDistrictPreviousFiles().map((f) => sourceFromBytes(f.name, f.content));
}
