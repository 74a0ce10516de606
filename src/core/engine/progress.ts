/** What the engine tells about its progress while it runs, at most every 50 ms unless forced. */

export interface Progress {
  phase: 'reading' | 'checking' | 'done';
  file: string;
  bytesDone: number;
  bytesTotal: number;
  rows: number;
  rowsPerSecond: number;
  /** Once the files are read (phase 'checking'): the share of the checking done, 0 to 1. */
  checked?: number;
}

export class ProgressReporter {
  private bytesBefore = 0;
  private rowsBefore = 0;
  private readonly started = Date.now();
  private lastReport = 0;

  constructor(
    private readonly bytesTotal: number,
    private readonly onProgress: ((progress: Progress) => void) | undefined,
  ) {}

  /** A file has been read: later reports count its bytes and rows before their own. */
  fileRead(bytes: number, rows: number): void {
    this.bytesBefore += bytes;
    this.rowsBefore += rows;
  }

  /** `bytes` and `rows`: read so far in the file being read. */
  readonly report = (
    phase: Progress['phase'],
    file: string,
    bytes: number,
    rows: number,
    force = false,
    checked?: number,
  ) => {
    const t = Date.now();
    if (!this.onProgress || (!force && t - this.lastReport < 50)) return;
    this.lastReport = t;
    const seconds = Math.max((t - this.started) / 1000, 0.001);
    const progress: Progress = {
      phase,
      file,
      bytesDone: this.bytesBefore + bytes,
      bytesTotal: this.bytesTotal,
      rows: this.rowsBefore + rows,
      rowsPerSecond: Math.round((this.rowsBefore + rows) / seconds),
    };
    if (checked !== undefined) progress.checked = Math.round(checked * 1000) / 1000;
    this.onProgress(progress);
  };
}
