import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, readAhead, sourceFromRandomAccess } from './source.ts';

/** Byte ranges read from 0..size, recording the order of asks and completions. */
function recorder(size: number, failAt = -1) {
  const log: string[] = [];
  const bytes = Uint8Array.from({ length: size }, (_, i) => i & 255);
  const read = async (start: number, end: number) => {
    log.push(`ask ${start}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (start === failAt) throw new Error(`cannot read at ${start}`);
    log.push(`done ${start}`);
    return bytes.subarray(start, end);
  };
  return { log, bytes, read };
}

describe('readAhead', () => {
  it('hands on every byte in order, in chunks of the given size', async () => {
    const { bytes, read } = recorder(10);
    const chunks: number[][] = [];
    for await (const c of readAhead(10, 4, read)) chunks.push([...c]);
    expect(chunks).toEqual([[...bytes.subarray(0, 4)], [...bytes.subarray(4, 8)], [...bytes.subarray(8)]]);
  });

  it('asks for the next chunk before the reader has the current one, one read at a time', async () => {
    const { log, read } = recorder(12);
    const seen: string[][] = [];
    for await (const c of readAhead(12, 4, read)) seen.push([...log, `got ${c[0]}`]);
    // When chunk 0 reaches the reader, the read of chunk 4 is already under way (not after).
    expect(seen[0]).toEqual(['ask 0', 'done 0', 'ask 4', 'got 0']);
    expect(seen[2]).toEqual(['ask 0', 'done 0', 'ask 4', 'done 4', 'ask 8', 'done 8', 'got 8']);
  });

  it('a reader stopping early waits for the read under way (its file is closed after)', async () => {
    const { log, read } = recorder(12);
    for await (const c of readAhead(12, 4, read)) if (c[0] === 0) break;
    expect(log).toEqual(['ask 0', 'done 0', 'ask 4', 'done 4']);
  });

  it('a failed read fails at its chunk, after the chunks before it', async () => {
    const { read } = recorder(12, 4);
    const got: number[] = [];
    const reading = (async () => {
      for await (const c of readAhead(12, 4, read)) {
        got.push(c[0]);
        await new Promise((resolve) => setTimeout(resolve, 5)); // the failed read settles meanwhile
      }
    })();
    await expect(reading).rejects.toThrow('cannot read at 4');
    expect(got).toEqual([0]);
  });

  it('an empty file has no chunks and no reads', async () => {
    const { log, read } = recorder(0);
    for await (const c of readAhead(0, 4, read)) throw new Error(`unexpected chunk ${c.length}`);
    expect(log).toEqual([]);
  });

  it('is how random-access sources (Blobs in the page) are read', async () => {
    const size = CHUNK_BYTES + 10;
    const { log, read } = recorder(size);
    const seen: string[][] = [];
    for await (const c of sourceFromRandomAccess('x.csv', { size, read }).chunks())
      seen.push([...log, `got ${c.length}`]);
    expect(seen[0]).toEqual(['ask 0', 'done 0', `ask ${CHUNK_BYTES}`, `got ${CHUNK_BYTES}`]);
  });
});
