/** Hands a download to the browser: Blob → object URL → <a download>, revoked once the click is done. */
import type { Download } from '../worker/api.ts';

export function saveDownload({ name, blob }: Download, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
