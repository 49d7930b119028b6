import { describe, expect, it } from 'vitest';
import { cspHeaderValue, headersFile } from '../../src/build/deploy-headers.ts';
import { cspDirectives } from '../../src/build/security-headers.ts';

describe('deploy headers', () => {
  it('send every directive of the pages\' CSP, with scripts and styles from the site only', () => {
    const value = cspHeaderValue();
    for (const directive of cspDirectives()) expect(value).toContain(directive);
    expect(value).toContain("script-src 'self'");
    expect(value).toContain("style-src 'self'");
    expect(value).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(value).toContain("connect-src 'self'");
  });

  it('allow the configured insights endpoint\'s origin for connections, and nothing else new', () => {
    expect(cspHeaderValue()).toContain("connect-src 'self';");
    const value = cspHeaderValue('https://reports.example.org/api/vertraut?x=1');
    expect(value).toContain("connect-src 'self' https://reports.example.org;");
    expect(value.replace(" https://reports.example.org", '')).toBe(cspHeaderValue());
  });

  it('apply to every path under the base path', () => {
    expect(headersFile('/')).toMatch(/^\/\*\n {2}Content-Security-Policy: /);
    expect(headersFile('/hilfe/')).toMatch(/^\/hilfe\/\*\n/);
    expect(headersFile('/hilfe/')).toContain('/hilfe/vertraut/*\n  Cache-Control: no-cache');
  });

  it('make the wipe pages clear the site\'s storage and caches, and only those', () => {
    const file = headersFile('/');
    expect(file).toContain('/datenschutz/alles-loeschen/*\n  Clear-Site-Data: "storage", "cache"');
    expect(file).toContain('/en/privacy/delete-everything/*\n  Clear-Site-Data: "storage", "cache"');
    expect(file.match(/Clear-Site-Data/g)).toHaveLength(2);
  });
});
