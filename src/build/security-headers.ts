/*
 * The Content Security Policy (SPEC 8.2), declared once: Astro writes it into every page as a
 * <meta> element (with script-src and style-src 'self'), and the deploy header files repeat it
 * for hosts that send headers. connect-src is the site itself, plus the origin of the insights
 * endpoint only when the site owner configured one (SPEC 5.4).
 */
type Directive = `${'default-src' | 'connect-src' | 'img-src' | 'font-src' | 'object-src' | 'base-uri' | 'form-action'} ${string}`;

export function cspDirectives(insightsEndpoint?: string): Directive[] {
  const connect = ["'self'", ...(insightsEndpoint ? [new URL(insightsEndpoint).origin] : [])];
  return [
    "default-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}
