/**
 * The renderer's Content-Security-Policy: only our own scripts, styles and images, and
 * connections to the page's own origin (the web preview's WebSocket bridge). Electron gets it as
 * a <meta> tag in index.html, built or served by the dev server; the web preview also sends it
 * as a header, which adds the directives a meta tag cannot carry.
 */
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
];

function serialize(extra: Readonly<Record<string, string>> = {}): string {
  return DIRECTIVES.map(([name, sources]) => (extra[name] ? `${name} ${sources} ${extra[name]}` : `${name} ${sources}`)).join('; ');
}

export const RENDERER_CSP = serialize();

/** Only valid as an HTTP header. */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;

/**
 * The same policy under the Vite dev server, plus only what hot reload needs: React Refresh's
 * inline preamble script and the <style> elements Vite injects for CSS modules carry the dev
 * server's nonce (Vite's `html.cspNonce`). Its hot-reload WebSocket is the page's own origin,
 * which 'self' already allows. No 'unsafe-inline', no 'unsafe-eval'.
 */
export function devRendererCsp(nonce: string): string {
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error('A CSP nonce must be base64');
  return serialize({ 'script-src': `'nonce-${nonce}'`, 'style-src': `'nonce-${nonce}'` });
}
