/**
 * The renderer's Content-Security-Policy: only our own scripts, styles and images, and
 * connections to the page's own origin (the web preview's WebSocket bridge). Electron gets it as
 * a <meta> tag in the built index.html; the web preview also sends it as a header, which adds
 * the directives a meta tag cannot carry.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Only valid as an HTTP header. */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;
