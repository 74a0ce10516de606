/**
 * Markdown to HTML for the admin documentation (docs/**\/*.md), with markdown-it (CommonMark plus
 * tables) and markdown-it-anchor for the headings' ids. Raw HTML is off: every character of the
 * source is escaped, so a page carries no markup (and no script or style) that the renderer did not
 * write. Heading ids are the heading's text in lower case, runs of other characters as one `-`
 * ("How to fix it in the SIS" → `how-to-fix-it-in-the-sis`), a repeated one gets `-2`, `-3`…
 */
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';

export interface RenderOptions {
  /** Rewrites a link target (e.g. `x.md` → `x.html`). */
  link?: (href: string) => string;
}

export interface RenderedMarkdown {
  html: string;
  /** The text of the first level-1 heading, or null. */
  title: string | null;
}

/** A heading's id, from its text without markup. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section'
  );
}

function renderer(link: (href: string) => string): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(anchor, { slugify, uniqueSlugStartIndex: 2, tabIndex: false });
  md.core.ruler.push('rewrite-links', (state) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        const href = token.type === 'link_open' ? token.attrGet('href') : null;
        if (href !== null) token.attrSet('href', link(href));
      }
    }
  });
  // Column headers say so (screen readers announce the column of each cell). A column's alignment
  // would be an inline style, which the pages' Content-Security-Policy refuses: cells align left.
  md.renderer.rules.th_open = (tokens, i, options, _env, self) => {
    tokens[i].attrs = [['scope', 'col']];
    return self.renderToken(tokens, i, options);
  };
  md.renderer.rules.td_open = (tokens, i, options, _env, self) => {
    tokens[i].attrs = null;
    return self.renderToken(tokens, i, options);
  };
  return md;
}

const { escapeHtml } = new MarkdownIt().utils;
export { escapeHtml };

export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedMarkdown {
  const md = renderer(options.link ?? ((href) => href));
  const env = {};
  const tokens = md.parse(source, env);
  const h1 = tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
  const title =
    h1 < 0
      ? null
      : (tokens[h1 + 1].children ?? [])
          .filter((t) => t.type === 'text' || t.type === 'code_inline')
          .map((t) => t.content)
          .join('')
          .trim();
  return { html: md.renderer.render(tokens, md.options, env).trimEnd(), title };
}
