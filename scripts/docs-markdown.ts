/**
 * A small Markdown renderer for the admin documentation (docs/**\/*.md): headings, paragraphs,
 * lists (nested by indentation), GFM tables, fenced code, block quotes, rules, and inline code,
 * bold, italic and links. Raw HTML is not supported on purpose: every character of the source is
 * escaped, so a page carries no markup (and no script or style) that this file did not write.
 */

export interface RenderOptions {
  /** Rewrites a link target (e.g. `x.md` → `x.html`). */
  link?: (href: string) => string;
}

export interface RenderedMarkdown {
  html: string;
  /** The text of the first level-1 heading, or null. */
  title: string | null;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const FENCE = /^\s{0,3}```/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const RULE = /^\s{0,3}(?:-{3,}|\*{3,})\s*$/;
const QUOTE = /^\s{0,3}>\s?/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+|$)(.*)$/;
/** The `|---|---|` line under a table's header (it must have a pipe, unlike a `---` rule). */
const TABLE_DIVIDER = /^(?=.*\|)\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

class Renderer {
  title: string | null = null;
  private readonly ids = new Map<string, number>();

  constructor(private readonly options: RenderOptions) {}

  blocks(lines: string[], tight = false): string {
    const out: string[] = [];
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (line.trim() === '') i++;
      else if (FENCE.test(line)) {
        const end = lines.findIndex((l, j) => j > i && FENCE.test(l));
        const stop = end < 0 ? lines.length : end;
        out.push(`<pre><code>${escapeHtml(lines.slice(i + 1, stop).join('\n'))}</code></pre>`);
        i = stop + 1;
      } else if (HEADING.test(line)) {
        const [, hashes, text] = HEADING.exec(line)!;
        out.push(this.heading(hashes.length, text));
        i++;
      } else if (RULE.test(line)) {
        out.push('<hr>');
        i++;
      } else if (QUOTE.test(line)) {
        const inner: string[] = [];
        for (; i < lines.length && QUOTE.test(lines[i]); i++) inner.push(lines[i].replace(QUOTE, ''));
        out.push(`<blockquote>${this.blocks(inner)}</blockquote>`);
      } else if (line.includes('|') && TABLE_DIVIDER.test(lines[i + 1] ?? '')) {
        i = this.table(lines, i, out);
      } else if (ITEM.test(line)) {
        i = this.list(lines, i, out);
      } else {
        const text: string[] = [];
        for (
          ;
          i < lines.length && lines[i].trim() !== '' && (text.length === 0 || !startsBlock(lines[i]));
          i++
        )
          text.push(lines[i].trim());
        const html = this.inline(text.join('\n'));
        out.push(tight ? html : `<p>${html}</p>`);
      }
    }
    return out.join('\n');
  }

  private heading(level: number, text: string): string {
    const plain = plainText(text);
    if (level === 1 && this.title === null) this.title = plain;
    const slug =
      plain
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'section';
    const seen = this.ids.get(slug) ?? 0;
    this.ids.set(slug, seen + 1);
    const id = seen === 0 ? slug : `${slug}-${seen + 1}`;
    return `<h${level} id="${id}">${this.inline(text)}</h${level}>`;
  }

  private table(lines: string[], start: number, out: string[]): number {
    const head = splitRow(lines[start]);
    const rows: string[] = [];
    let i = start + 2;
    for (; i < lines.length && lines[i].trim() !== '' && lines[i].includes('|'); i++) {
      const cells = splitRow(lines[i]);
      const tds = head.map((_, c) => `<td>${this.inline(cells[c] ?? '')}</td>`);
      rows.push(`<tr>${tds.join('')}</tr>`);
    }
    const ths = head.map((h) => `<th scope="col">${this.inline(h)}</th>`).join('');
    out.push(`<table>\n<thead><tr>${ths}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`);
    return i;
  }

  private list(lines: string[], start: number, out: string[]): number {
    const first = ITEM.exec(lines[start])!;
    const indent = first[1].length;
    const ordered = /\d/.test(first[2]);
    const sameList = (line: string) => {
      const m = ITEM.exec(line);
      return m !== null && m[1].length === indent && /\d/.test(m[2]) === ordered;
    };
    const items: string[][] = [];
    let loose = false;
    let i = start;
    while (i < lines.length && sameList(lines[i])) {
      const m = ITEM.exec(lines[i])!;
      const offset = m[1].length + m[2].length + Math.max(m[3].length, 1);
      const item = [m[4]];
      i++;
      for (; i < lines.length; i++) {
        const line = lines[i];
        const lead = line.length - line.trimStart().length;
        if (line.trim() === '') {
          const next = lines.slice(i + 1).find((l) => l.trim() !== '');
          const nextLead = next === undefined ? 0 : next.length - next.trimStart().length;
          if (next === undefined || (nextLead <= indent && !sameList(next))) break;
          if (sameList(next) || nextLead > indent) loose = true;
          if (sameList(next)) continue;
          item.push('');
        } else if (sameList(line)) break;
        else if (lead > indent) item.push(line.slice(Math.min(offset, lead)));
        else if (item[item.length - 1] !== '' && !startsBlock(line)) item.push(line.trim());
        else break;
      }
      items.push(item);
    }
    const tag = ordered ? 'ol' : 'ul';
    const startAt = ordered ? parseInt(first[2], 10) : 1;
    const open = ordered && startAt !== 1 ? `<ol start="${startAt}">` : `<${tag}>`;
    const lis = items.map((item) => `<li>${this.blocks(item, !loose)}</li>`);
    out.push(`${open}\n${lis.join('\n')}\n</${tag}>`);
    return i;
  }

  inline(text: string): string {
    const slots: string[] = [];
    // Finished HTML waits behind private-use characters until the rest of the text is escaped.
    const hold = (html: string) => `\ue000${slots.push(html) - 1}\ue001`;
    let s = text.replace(/[\ue000\ue001]/g, '');
    s = s.replace(/(`+)(.+?)\1(?!`)/gs, (_, _ticks, code: string) =>
      hold(`<code>${escapeHtml(code.trim())}</code>`),
    );
    s = s.replace(/\\([\\`*_[\]()#|<>!-])/g, (_, c: string) => hold(escapeHtml(c)));
    s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) => {
      const target = this.options.link ? this.options.link(href) : href;
      return hold(`<a href="${escapeHtml(target)}">${this.emphasis(escapeHtml(label))}</a>`);
    });
    s = this.emphasis(escapeHtml(s));
    const restore = (html: string): string =>
      html.replace(/\ue000(\d+)\ue001/g, (_, n: string) => restore(slots[+n]));
    return restore(s);
  }

  private emphasis(html: string): string {
    return html
      .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/gs, '<strong>$1</strong>')
      .replace(/(^|[^*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])/gs, '$1<em>$2</em>');
  }
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || RULE.test(line) || ITEM.test(line);
}

/** Cells of a table row; pipes inside code spans or escaped as `\|` do not split. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  const text = line.trim().replace(/^\|/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (c === '`') {
      inCode = !inCode;
      cell += c;
    } else if (c === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  if (cell.trim() !== '') cells.push(cell.trim());
  return cells;
}

/** Heading text without inline markup, for titles and anchors. */
function plainText(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .replace(/\\(.)/g, '$1')
    .trim();
}

export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedMarkdown {
  const renderer = new Renderer(options);
  const html = renderer.blocks(source.replace(/\r\n?/g, '\n').split('\n'));
  return { html, title: renderer.title };
}
