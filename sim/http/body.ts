import { type IncomingMessage } from 'node:http';

const MAX_BODY = 10 * 1024 * 1024;

/** The raw request body (up to 10 MB). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON or form-urlencoded body as a flat object (the token endpoint accepts both, docs/kommo-api.md §2.4). */
export function parseFormOrJson(text: string, contentType: string | undefined): Record<string, unknown> | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if ((contentType ?? '').includes('json') || trimmed.startsWith('{')) {
    try {
      const v: unknown = JSON.parse(trimmed);
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  return Object.fromEntries(new URLSearchParams(trimmed));
}
