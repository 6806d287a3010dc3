import { type ServerResponse } from 'node:http';

/**
 * Kommo's content types (docs/kommo-api.md §3): `application/hal+json` for success,
 * `application/problem+json` for errors, an empty 204 for "nothing here".
 */
export const HAL = 'application/hal+json';
export const PROBLEM = 'application/problem+json';

export interface ResponseFaults {
  /** Serve a body cut short, so it is not valid JSON (fault injection). */
  malformed: boolean;
}

export function sendJson(res: ServerResponse, status: number, contentType: string, body: unknown, faults?: ResponseFaults): void {
  sendText(res, status, contentType, JSON.stringify(body), faults);
}

/** A body already serialized to JSON. */
export function sendText(res: ServerResponse, status: number, contentType: string, json: string, faults?: ResponseFaults): void {
  let text = json;
  if (faults?.malformed && text.length > 2) text = text.slice(0, Math.max(1, Math.floor(text.length / 2))) + '<!--';
  // Encode once: Buffer.byteLength plus end(string) would scan a 250 KB page twice.
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': body.length });
  res.end(body);
}

export function sendHal(res: ServerResponse, status: number, body: unknown, faults?: ResponseFaults): void {
  sendJson(res, status, HAL, body, faults);
}

export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html), ...headers });
  res.end(html);
}

export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Content-Length': 0 });
  res.end();
}

/** The generic problem body of docs/kommo-api.md §6. */
export function problemBody(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { title, type: `https://httpstatus.es/${status}`, status, detail, ...extra };
}

export function sendProblem(
  res: ServerResponse,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  faults?: ResponseFaults,
): void {
  sendJson(res, status, PROBLEM, problemBody(status, title, detail, extra), faults);
}

/** The nginx page a blocked client gets instead of JSON (docs/kommo-api.md §4, GH#434). */
export const NGINX_403 =
  '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export function sendBlocked(res: ServerResponse): void {
  res.writeHead(403, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(NGINX_403), Server: 'nginx' });
  res.end(NGINX_403);
}
