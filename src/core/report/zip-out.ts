/** A .zip built from files given as string pieces, compressed as they come (fflate, synchronous). */
import { strToU8, Zip, ZipDeflate } from 'fflate';

export interface ZipEntry {
  name: string;
  pieces: Iterable<string>;
}

/** The zip's bytes, in the chunks fflate hands out (a Blob can take them as they are). */
export function zipChunks(entries: Iterable<ZipEntry>): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else chunks.push(data);
  });
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    zip.add(file);
    for (const piece of entry.pieces) file.push(strToU8(piece));
    file.push(new Uint8Array(0), true);
  }
  zip.end();
  if (failure) throw failure;
  return chunks;
}
