import { Marked, type Token, type Tokens } from 'marked';

/*
 * Answers are written in markdown by editors and rendered once, at build time. Raw HTML is
 * refused rather than sanitized: an editor who needs it has a reason we should hear, and a
 * build that refuses is safer than a sanitizer that misses. Links may point to the site itself,
 * to http(s) pages, or open the phone (tel:) or mail (mailto:) app.
 */

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const NAMED_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', amp: '&' };

/**
 * The scheme a browser would see in an href: entities decoded and the whitespace and control
 * characters it ignores removed ("java&#x09;script&#58;" is still javascript:).
 */
function schemeOf(href: string): string | undefined {
  const decoded = href
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? whole)
    .replace(/[\u0000-\u0020\u007f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(decoded)?.[1]?.toLowerCase();
}

export interface RenderedMarkdown {
  readonly html: string;
  readonly text: string;
}

export class MarkdownProblem extends Error {
  override readonly name = 'MarkdownProblem';
}

const marked = new Marked({ gfm: true, breaks: false, async: false });

function check(tokens: Token[]): void {
  // walkTokens reaches every token, also inside lists and table cells.
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'html') {
      throw new MarkdownProblem(`raw HTML is not allowed ("${token.raw.trim().slice(0, 40)}"); write markdown instead, for example **bold** or [a link](/faq/)`);
    }
    if (token.type === 'link' || token.type === 'image') {
      const href = (token as Tokens.Link | Tokens.Image).href.trim();
      const scheme = schemeOf(href);
      if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) {
        throw new MarkdownProblem(`the link target "${href.slice(0, 60)}" is not allowed; use https://…, /a/page/, mailto: or tel:`);
      }
    }
    if (token.type === 'image' && !(token as Tokens.Image).text.trim()) {
      throw new MarkdownProblem(`the image "${(token as Tokens.Image).href}" needs a description: ![what it shows](${(token as Tokens.Image).href})`);
    }
  });
}

const LEAF_TEXT = new Set(['text', 'codespan', 'code', 'escape']);

function plainText(tokens: Token[]): string {
  const parts: string[] = [];
  marked.walkTokens(tokens, (token) => {
    const nested = (token as { tokens?: Token[] }).tokens;
    if (LEAF_TEXT.has(token.type) && !(nested && nested.length > 0)) parts.push((token as { text: string }).text);
  });
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Renders an answer; throws MarkdownProblem for content that would render unsafe HTML. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const tokens = marked.lexer(source);
  check(tokens);
  const html = marked.parser(tokens);
  return { html, text: plainText(tokens) };
}
