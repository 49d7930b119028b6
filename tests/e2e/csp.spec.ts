import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cspViolations } from './support/browser-state.ts';
import { ChatPage } from './support/chat-page.ts';
import { expect, test } from './support/fixtures.ts';
import { SITE_PAGES } from './support/site-pages.ts';

/*
 * SPEC 8.2: every page carries a policy with default-src and connect-src 'self', and nothing in
 * the pages needs an exception from it. The guard (support/fixtures.ts) asserts after every test
 * that no violation happened; the last test here proves that the guard would see one.
 */

const DIST = join(import.meta.dirname, '../../dist');

function builtPages(): string[] {
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(DIST, file));
}

function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
  const directives = new Map<string, string[]>();
  for (const directive of (content ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

test('every built page has a CSP meta tag with default-src and connect-src limited to the site', () => {
  const pages = builtPages();
  expect(pages.map((file) => `/${relative(DIST, file)}`).sort()).toEqual(SITE_PAGES.map((p) => `${p.path}index.html`).sort());
  for (const file of pages) {
    const policy = policyOf(readFileSync(file, 'utf8'));
    const where = relative(DIST, file);
    expect(policy.get('default-src'), `${where}: default-src`).toEqual(["'self'"]);
    expect(policy.get('connect-src'), `${where}: connect-src`).toEqual(["'self'"]);
    for (const directive of ['script-src', 'style-src']) {
      expect(policy.get(directive), `${where}: ${directive}`).toContain("'self'");
      expect(policy.get(directive), `${where}: ${directive}`).not.toContain("'unsafe-inline'");
      expect(policy.get(directive), `${where}: ${directive}`).not.toContain("'unsafe-eval'");
    }
  }
});

test('no built page contains inline scripts, style elements, style attributes or event-handler attributes', () => {
  for (const file of builtPages()) {
    const html = readFileSync(file, 'utf8');
    const where = relative(DIST, file);
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    expect(scripts.length, `${where}: the launcher script`).toBeGreaterThan(0);
    for (const script of scripts) expect(script, `${where}: inline script`).toMatch(/\ssrc="\/[^"]+\.js"/);
    expect(html, `${where}: <style>`).not.toMatch(/<style\b/i);
    expect(html, `${where}: style attribute`).not.toMatch(/<[a-z][^>]*\sstyle=/i);
    expect(html, `${where}: event handler attribute`).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  }
});

test('the guard notices a CSP violation (so its silence in the other tests means something)', async ({ page, guard }) => {
  const chat = await ChatPage.visit(page, '/');
  // A style attribute is what the policy forbids; set it the way a careless widget would.
  await chat.log.evaluate((log) => log.setAttribute('style', 'color: red'));
  await expect.poll(() => cspViolations(page)).toEqual([expect.stringMatching(/^style-src-attr blocked inline/)]);
  expect(guard.consoleErrors).toEqual([expect.stringContaining('Content Security Policy')]);
  await cspViolations(page, { clear: true });
  guard.consoleErrors.length = 0;
});
