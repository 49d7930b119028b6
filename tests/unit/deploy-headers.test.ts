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

describe('cspDirectives (SPEC 5.4, 8.2)', () => {
  const connectSrc = (directives: readonly string[]) => directives.filter((directive) => directive.startsWith('connect-src'));

  it('allow connections to the site itself only, when no insights endpoint is configured', () => {
    expect(connectSrc(cspDirectives())).toEqual(["connect-src 'self'"]);
    expect(cspDirectives(undefined)).toEqual(cspDirectives());
    expect(cspDirectives().join('; ')).not.toMatch(/https?:|\*/);
  });

  it.each([
    ['an https endpoint with a path, query and fragment', 'https://reports.example.org/api/vertraut?site=1#x', 'https://reports.example.org'],
    ['an https endpoint on its own port', 'https://reports.example.org:8443/api', 'https://reports.example.org:8443'],
    ['an https endpoint with the default port written out', 'https://reports.example.org:443/api', 'https://reports.example.org'],
    ['an endpoint with a user name and password', 'https://user:secret@reports.example.org/api', 'https://reports.example.org'],
    ['a local endpoint for testing', 'http://localhost:4444/x', 'http://localhost:4444'],
  ])('add exactly the origin of %s, and change nothing else', (_label, endpoint, origin) => {
    const directives = cspDirectives(endpoint);
    expect(connectSrc(directives)).toEqual([`connect-src 'self' ${origin}`]);
    expect(directives.map((directive) => (directive.startsWith('connect-src') ? "connect-src 'self'" : directive))).toEqual(cspDirectives());
    expect(directives.join(' ')).not.toMatch(/api|vertraut\?|secret|user|#/);
  });

  it('reach the deploy headers file', () => {
    expect(headersFile('/', 'https://reports.example.org/api')).toContain("connect-src 'self' https://reports.example.org;");
    expect(headersFile('/')).toContain("connect-src 'self';");
  });
});
