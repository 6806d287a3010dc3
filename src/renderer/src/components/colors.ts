import type { CSSProperties } from 'react';

/** '#AABBCC', 'AABBCC' or 'abc' → [r, g, b], or null when it is not a hex colour. */
export function parseHex(color: string | null | undefined): [number, number, number] | null {
  const hex = color?.trim().replace(/^#/, '') ?? '';
  const full = /^[0-9a-f]{3}$/i.test(hex) ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function isDark([r, g, b]: [number, number, number]): boolean {
  // Relative luminance (sRGB weights); dark backgrounds get white text.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 140;
}

/** Inline colours for a chip (CSSOM style, allowed by the CSP): Kommo's colour or a neutral grey. */
export function chipColors(color: string | null | undefined): CSSProperties | undefined {
  const rgb = parseHex(color);
  if (!rgb) return undefined;
  return { backgroundColor: `rgb(${rgb.join(' ')})`, color: isDark(rgb) ? '#fff' : '#1f2933', borderColor: 'transparent' };
}

/** A status colour as a soft background with a solid edge, like Kommo's pipeline. */
export function statusColors(color: string | null | undefined): CSSProperties | undefined {
  const rgb = parseHex(color);
  if (!rgb) return undefined;
  return { backgroundColor: `rgb(${rgb.join(' ')} / 0.45)`, borderColor: `rgb(${rgb.join(' ')})` };
}
