/*
 * The Content Security Policy (SPEC 8.2), declared once: Astro writes it into every page as a
 * <meta> element (with script-src and style-src 'self'), and the deploy header files repeat it
 * for hosts that send headers.
 */
export const contentSecurityPolicy = {
  directives: [
    "default-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
} as const;
