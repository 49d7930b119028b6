import { Marked, type Token, type Tokens } from 'marked';

/*
 * Answers are written in markdown by editors and rendered once, at build time. Raw HTML is
 * refused rather than sanitized: an editor who needs it has a reason we should hear, and a
 * build that refuses is safer than a sanitizer that misses. Links may point to the site itself,
 * to http(s) pages, or open the phone (tel:) or mail (mailto:) app.
 */

const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:|\/|#|\.{0,2}\/?[\w-])/i;

export interface RenderedMarkdown {
  readonly html: string;
  readonly text: string;
}

export class MarkdownProblem extends Error {
  override readonly name = 'MarkdownProblem';
}

const marked = new Marked({ gfm: true, breaks: false, async: false });

function check(tokens: readonly Token[]): void {
  for (const token of tokens) {
    if (token.type === 'html') {
      throw new MarkdownProblem(`raw HTML is not allowed ("${token.raw.trim().slice(0, 40)}"); write markdown instead, for example **bold** or [a link](/faq/)`);
    }
    if (token.type === 'link' || token.type === 'image') {
      const href = (token as Tokens.Link | Tokens.Image).href.trim();
      if (!SAFE_HREF.test(href) || /^\s*(?:javascript|data|vbscript):/i.test(href)) {
        throw new MarkdownProblem(`the link target "${href.slice(0, 60)}" is not allowed; use https://…, /a/page/, mailto: or tel:`);
      }
    }
    if (token.type === 'image' && !(token as Tokens.Image).text.trim()) {
      throw new MarkdownProblem(`the image "${(token as Tokens.Image).href}" needs a description: ![what it shows](${(token as Tokens.Image).href})`);
    }
    const nested = token as { tokens?: Token[]; items?: Tokens.ListItem[] };
    if (nested.tokens) check(nested.tokens);
    if (nested.items) for (const item of nested.items) check(item.tokens);
  }
}

function plainText(tokens: readonly Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    const nested = token as { tokens?: Token[]; items?: Tokens.ListItem[]; text?: string };
    if (nested.items) parts.push(...nested.items.map((item) => plainText(item.tokens)));
    else if (nested.tokens) parts.push(plainText(nested.tokens));
    else if (typeof nested.text === 'string' && token.type !== 'space') parts.push(nested.text);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Renders an answer; throws MarkdownProblem for content that would render unsafe HTML. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const tokens = marked.lexer(source);
  check(tokens);
  const html = marked.parser(tokens);
  return { html, text: plainText(tokens) };
}
