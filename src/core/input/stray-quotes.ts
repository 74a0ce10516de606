/**
 * Finds records with a quote character inside an unquoted cell (`Robert "Bob" Smith`): papaparse
 * keeps such quotes as text, Remind refuses the file. `segment` starts at the beginning of a record
 * and ends at a record boundary; the result lists the 0-based record offsets, each once.
 * Only quote characters and line breaks are visited (indexOf), so clean text costs almost nothing.
 */
export function strayQuoteRows(segment: string): number[] {
  const rows: number[] = [];
  let record = 0;
  let pos = 0;
  let inQuotes = false;
  let q = segment.indexOf('"');
  while (q !== -1) {
    if (inQuotes) {
      if (segment.charCodeAt(q + 1) === 34) {
        pos = q + 2;
      } else {
        // A closing quote must end the cell (white space allowed before the comma, as papaparse
        // does); otherwise papaparse reports the malformed quote itself and keeps reading the cell.
        let after = q + 1;
        while (after < segment.length && segment[after] !== '\n' && /\s/.test(segment[after])) after++;
        const next = segment[after];
        if (next === undefined || next === ',' || next === '\n') inQuotes = false;
        pos = q + 1;
      }
    } else {
      record += countLineBreaks(segment, pos, q);
      const prev = q === 0 ? '\n' : segment[q - 1];
      if (prev === ',' || prev === '\n') inQuotes = true;
      else if (rows[rows.length - 1] !== record) rows.push(record);
      pos = q + 1;
    }
    q = segment.indexOf('"', pos);
  }
  return rows;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf('\n', from);
  while (i !== -1 && i < to) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}
