/**
 * PHP-style bracket query strings (docs/kommo-api.md §3): `filter[id][]=1&filter[id][]=2`,
 * `filter[statuses][0][pipeline_id]=…`, `order[updated_at]=asc`. Parsed into nested objects whose
 * leaves are strings; `[]` appends under the next numeric key.
 */
export type QValue = string | QObject;
export interface QObject {
  [key: string]: QValue;
}

export function parseQuery(params: URLSearchParams): QObject {
  const root: QObject = {};
  for (const [key, value] of params) {
    const path = splitKey(key);
    let node: QObject = root;
    for (let i = 0; i < path.length; i++) {
      let seg = path[i] as string;
      if (seg === '') seg = String(Object.keys(node).length);
      if (i === path.length - 1) {
        node[seg] = value;
        break;
      }
      const next = node[seg];
      if (typeof next === 'object') node = next;
      else {
        const created: QObject = {};
        node[seg] = created;
        node = created;
      }
    }
  }
  return root;
}

function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0 || !key.endsWith(']')) return [key];
  const parts = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  let consumed = open;
  while ((m = re.exec(key)) !== null) {
    if (m.index !== consumed) return [key];
    parts.push(m[1] ?? '');
    consumed = m.index + m[0].length;
  }
  return consumed === key.length ? parts : [key];
}

export function at(q: QValue | undefined, ...path: string[]): QValue | undefined {
  let node = q;
  for (const seg of path) {
    if (typeof node !== 'object') return undefined;
    node = node[seg];
  }
  return node;
}

/** Every leaf string of a value: `x=1`, `x[]=1&x[]=2` and `x[0]=1` all read as lists. */
export function leaves(v: QValue | undefined): string[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return [v];
  return Object.values(v).flatMap(leaves);
}

/** Leaves, with comma-separated strings split too (the events API's old list format). */
export function commaList(v: QValue | undefined): string[] {
  return leaves(v)
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function intList(v: QValue | undefined, comma = false): number[] | null {
  const raw = comma ? commaList(v) : leaves(v).filter((s) => s !== '');
  const out: number[] = [];
  for (const s of raw) {
    const n = Number(s);
    if (!Number.isInteger(n)) return null;
    out.push(n);
  }
  return out;
}

export function asInt(v: QValue | undefined): number | undefined {
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

/** `with=contacts,loss_reason` (also tolerates `with[]=contacts`). */
export function withSet(q: QObject): Set<string> {
  return new Set(commaList(q.with));
}
