import { prepareQuestion } from '../../../src/core/dialog/reply.ts';

/*
 * A corpus of hostile or absurd visitor input (SPEC 8.2, 8.4). Wherever a payload can carry an
 * action, the action is `window.__pwned = …`: if it ever runs, the test sees it (and the CSP
 * recorder and the guard's dialog check catch the `alert` variants).
 *
 * Words that are commands in the chat (Stop, Verlauf speichern, Meine Daten, privacy, Ja, Nein)
 * are avoided on purpose: these payloads are meant to reach the FAQ search and be shown as text.
 */

export interface HostilePayload {
  /** What the attack is, for the test's messages. */
  readonly name: string;
  /** Exactly what is typed into the question box. */
  readonly text: string;
}

const PWN = 'window.__pwned=1';

/** 10,000 characters of markup, to test the cap and the text rendering at once. */
const LONG_MARKUP = `<img src=x onerror="${PWN}">`.repeat(400).padEnd(10_000, 'A').slice(0, 10_000);

export const HOSTILE_PAYLOADS: readonly HostilePayload[] = [
  // --- script tags
  { name: 'script tag', text: `<script>${PWN}</script>` },
  { name: 'script tag, upper case', text: `<SCRIPT>${PWN}</SCRIPT>` },
  { name: 'script with src', text: '<script src="/vertraut/pwn.js"></script>' },
  { name: 'script split by null', text: `<scr\u0000ipt>${PWN}</scr\u0000ipt>` },
  { name: 'unclosed script', text: `<script>${PWN}` },
  { name: 'closing tag break-out', text: `"></p></div><script>${PWN}</script>` },
  { name: 'textarea break-out', text: `</textarea><script>${PWN}</script>` },
  { name: 'title break-out', text: `</title><script>${PWN}</script>` },
  // --- event handler attributes
  { name: 'img onerror', text: `<img src=x onerror="${PWN}">` },
  { name: 'img onerror, no quotes', text: `<img src=x onerror=${PWN}>` },
  { name: 'svg onload', text: `<svg onload="${PWN}">` },
  { name: 'svg with script', text: `<svg><script>${PWN}</script></svg>` },
  { name: 'body onload', text: `<body onload="${PWN}">` },
  { name: 'details ontoggle', text: `<details open ontoggle="${PWN}">x</details>` },
  { name: 'input autofocus onfocus', text: `<input autofocus onfocus="${PWN}">` },
  { name: 'video source onerror', text: `<video><source onerror="${PWN}"></video>` },
  { name: 'attribute break-out', text: `" onmouseover="${PWN}" x="` },
  { name: 'single-quote attribute break-out', text: `' autofocus onfocus='${PWN}' x='` },
  { name: 'iframe srcdoc', text: `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>` },
  { name: 'math/mglyph mutation XSS', text: `<math><mtext><table><mglyph><style><img src=x onerror="${PWN}">` },
  { name: 'noscript mutation XSS', text: `<noscript><p title="</noscript><img src=x onerror=${PWN}>">` },
  // --- javascript: URLs and markdown tricks
  { name: 'javascript: URL link', text: `<a href="javascript:${PWN}">klick</a>` },
  { name: 'bare javascript: URL', text: `javascript:${PWN}` },
  { name: 'obfuscated javascript: URL', text: `<a href="jav&#x09;ascript:${PWN}">x</a>` },
  { name: 'data: URL', text: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>' },
  { name: 'markdown javascript link', text: '[x](javascript:alert(1))' },
  { name: 'markdown image onerror', text: `![x](x" onerror="${PWN})` },
  { name: 'markdown autolink', text: '<javascript:alert(1)>' },
  { name: 'markdown reference link', text: '[klick][1]\n\n[1]: javascript:alert(1)' },
  { name: 'markdown html block', text: `Versand?\n\n<div onclick="${PWN}">x</div>` },
  // --- HTML entities (must stay literal text, not be decoded)
  { name: 'escaped script entities', text: '&lt;script&gt;alert(1)&lt;/script&gt;' },
  { name: 'hex entity <', text: `&#x3C;img src=x onerror=${PWN}&#x3E;` },
  { name: 'decimal entities', text: '&#60;script&#62;alert(1)&#60;/script&#62;' },
  { name: 'named entities', text: '&amp; &quot; &apos; &nbsp; &copy;' },
  // --- long strings
  { name: '10,000 x', text: 'x'.repeat(10_000) },
  { name: '10,000 characters of markup', text: LONG_MARKUP },
  { name: '600 emoji', text: '😀'.repeat(600) },
  { name: 'one very long word, 2,000 characters', text: `Versand${'a'.repeat(2_000)}` },
  // --- control characters, NUL, bidi, zero width
  { name: 'NUL bytes', text: 'Wie\u0000lange\u0000dauert der Versand?' },
  { name: 'C0 controls', text: 'a\u0001b\u0007c\u0008d\u001be\u007ff' },
  { name: 'bell and escape sequences', text: '\u001b[31mrot\u001b[0m \u0007' },
  { name: 'tab and newline', text: 'Wie lange\tdauert\nder Versand?' },
  { name: 'right-to-left override', text: 'Rechnung\u202egpj.exe' },
  { name: 'all bidi embedding/override/isolate characters', text: '\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069i' },
  { name: 'zero-width joiner and spaces', text: 'Ver\u200dsand\u200b \u200c\ufeffkosten' },
  { name: 'emoji ZWJ family and flags', text: '👨‍👩‍👧‍👦 🏳️‍🌈 🇩🇪 👍🏽' },
  { name: 'combining characters (zalgo)', text: 'Z̴̡̛̗͍a̸̢̛l̵̙̏g̶̨̛o̵̧͌ ̷̛̪Ve̵r̶s̷a̴n̵d̴' },
  { name: 'lone surrogate', text: 'abc\ud800def' },
  // --- CSS injection
  { name: 'style break-out', text: '</style><style>body{display:none}</style>' },
  { name: 'style tag with url', text: '<style>@import url(//evil.example/x.css);</style>' },
  { name: 'style attribute', text: '<p style="position:fixed;inset:0;background:red">x</p>' },
  { name: 'link stylesheet', text: '<link rel=stylesheet href=//evil.example/x.css>' },
  // --- template-ish
  { name: 'mustache', text: '{{7*7}}' },
  { name: 'template literal', text: '${alert(1)}' },
  { name: 'angular constructor', text: "{{constructor.constructor('window.__pwned=1')()}}" },
  { name: 'jinja / erb', text: '{% raw %}<%= 7*7 %>#{7*7}{{config}}' },
  // --- SQL-ish, JSON-ish, prototype pollution
  { name: 'SQL injection', text: "' OR 1=1; DROP TABLE users; --" },
  { name: 'SQL union', text: '1 UNION SELECT password FROM accounts' },
  { name: 'JSON object', text: '{"__proto__":{"polluted":true},"a":1}' },
  { name: '__proto__ word', text: '__proto__' },
  { name: 'constructor.prototype', text: 'constructor.prototype.toString' },
  { name: 'hasOwnProperty', text: 'hasOwnProperty' },
  { name: 'JSON array', text: '[1,2,{"x":null}]' },
  // --- homoglyphs and other scripts
  { name: 'Cyrillic homoglyphs', text: 'Vеrsаnd kоstеn' },
  { name: 'fullwidth markup', text: '＜script＞alert(1)＜/script＞' },
  { name: 'mathematical letters', text: '𝐕𝐞𝐫𝐬𝐚𝐧𝐝' },
  { name: 'Arabic with markup', text: `متى يصل <b onclick="${PWN}">الطلب</b>؟` },
  // --- miscellaneous
  { name: 'CRLF header injection', text: 'x\r\nSet-Cookie: pwned=1' },
  { name: 'path traversal', text: '../../../../etc/passwd' },
  { name: 'format strings', text: '%s%s%s%n %x {0} {name}' },
  { name: 'placeholder braces like the UI strings', text: '{purpose} {site} {max}' },
  { name: 'comment and CDATA', text: `<!-- x --><![CDATA[<script>${PWN}</script>]]>` },
  { name: 'base tag', text: '<base href="//evil.example/">' },
  { name: 'meta refresh', text: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'object / embed', text: '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">' },
  { name: 'form action', text: '<form action="javascript:alert(1)"><button>x</button></form>' },
];

/**
 * What a one-line text box keeps of what is typed or pasted: Chromium turns each line break
 * (CR LF, CR or LF) into a space, as it does when pasting several lines into `<input type=text>`;
 * a lone surrogate reaches the page as U+FFFD (the text travels as UTF-8 to the browser).
 */
export function inputValueOf(typed: string): string {
  return typed.replace(/\r\n|[\r\n]/g, ' ').toWellFormed();
}

/** The visitor's message as the chat must show it: the input's value after the chat's documented cleaning (prepareQuestion). */
export function shownText(typed: string): string {
  return prepareQuestion(inputValueOf(typed)).text;
}

/** Whether the chat reads only part of it (and says so in a note before the reply). */
export function isTruncated(typed: string): boolean {
  return prepareQuestion(inputValueOf(typed)).truncated;
}

/** The corpus in batches of `size`, for one page each. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
