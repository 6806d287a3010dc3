import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Phone numbers in one canonical form: digits only, E.164 without the '+'. Peru first, as the
 * original integration did (see docs/lessons.md, "Peru phone numbers"). Sync, search
 * and any future write all go through `normalizePhone`, so the same number written two ways
 * always lands on the same key.
 *
 * The rules are hand-written rather than delegated to libphonenumber because the product's spec
 * (issue 5) fixes the outputs, including for numbers libphonenumber would reject: anything not
 * recognised keeps its digits unchanged instead of becoming ''.
 */

const PERU = '51';

/** Regional area codes outside Lima/Callao (2 digits, 6-digit subscriber numbers). */
const PERU_REGIONAL_AREA_CODES = new Set([
  '41',
  '42',
  '43',
  '44',
  '51',
  '52',
  '53',
  '54',
  '56',
  '61',
  '62',
  '63',
  '64',
  '65',
  '66',
  '67',
  '72',
  '73',
  '74',
  '76',
  '82',
  '83',
  '84',
]);

/** A Peruvian national significant number: mobile, Lima landline, or regional landline. */
function isPeruNational(n: string): boolean {
  if (/^9\d{8}$/.test(n)) return true;
  if (/^1\d{7}$/.test(n)) return true;
  return n.length === 8 && PERU_REGIONAL_AREA_CODES.has(n.slice(0, 2));
}

/** An extension at the end: "anexo 12", "ext. 12", "x12", "#12", "int. 3". */
const EXTENSION = /(?:anexo|anx|extensi[oó]n|ext|int|x|#)[\s.:#-]*\d+\D*$/iu;

/** Cuts an extension off, but only after a digit, so a label such as "Fax:" before the number stays. */
function withoutExtension(text: string): string {
  const match = EXTENSION.exec(text);
  if (!match || !/\d/u.test(text.slice(0, match.index))) return text;
  return text.slice(0, match.index);
}

/** The canonical digits of one phone number ('' when it has none). */
export function normalizePhone(raw: string): string {
  const text = withoutExtension(raw.replace(/tel:/giu, ''));
  const digits = text.replace(/\D/gu, '');
  if (digits === '') return '';

  // International form: '+' before any digit, or the '00' international prefix.
  const plus = /^[^\d+]*\+/u.test(text);
  if (plus || digits.startsWith('00')) {
    const international = plus ? digits : digits.slice(2);
    if (!international.startsWith(PERU)) return international;
    // "+51 (01) 234 5678" and "+51 0987…": a trunk 0 wrongly kept after the country code.
    const national = international.slice(PERU.length).replace(/^0+/u, '');
    return isPeruNational(national) ? PERU + national : international;
  }

  if (digits.startsWith(PERU) && isPeruNational(digits.slice(PERU.length))) return digits;
  // A bare mobile. Bare landlines (7 or 8 digits without their trunk 0) are ambiguous and stay as they are.
  if (/^9\d{8}$/u.test(digits)) return PERU + digits;
  // Trunk 0 before a mobile (stray) or before an area code (Lima "01…", regional "0AA…").
  if (digits.startsWith('0') && isPeruNational(digits.slice(1))) return PERU + digits.slice(1);
  return digits;
}

/** Explicit separators between two numbers in one field: punctuation, and the words "y"/"o"/"and"/"or". */
const SEPARATORS = /[,;/|\n\r\t]+|\s+(?:y|o|or|and|ó)\s+/iu;

/** No single number has more digits than this (E.164 allows 15); more means two numbers run together. */
const MAX_DIGITS_IN_ONE_NUMBER = 15;

/**
 * Splits a field that may hold several numbers ("987 654 321 / 912 345 678", "01 234 5678 y
 * 987654321", two numbers separated only by a space) into the pieces as written, trimmed. Pieces
 * without a digit are dropped. Normalize each piece with `normalizePhone`.
 */
export function splitPhones(raw: string): string[] {
  const pieces: string[] = [];
  for (const part of raw.split(SEPARATORS)) {
    const piece = part.trim();
    if (!/\d/u.test(piece)) continue;
    const digitCount = piece.replace(/\D/gu, '').length;
    if (digitCount > MAX_DIGITS_IN_ONE_NUMBER) {
      // libphonenumber finds number boundaries inside a run of digits and spaces better than any regex.
      const found = findPhoneNumbersInText(piece, 'PE');
      if (found.length > 1) {
        for (const match of found) pieces.push(piece.slice(match.startsAt, match.endsAt).trim());
        continue;
      }
    }
    pieces.push(piece);
  }
  return pieces;
}

/** Every canonical number in a field, in order, without duplicates or empties. */
export function normalizePhones(raw: string): string[] {
  return [
    ...new Set(
      splitPhones(raw)
        .map(normalizePhone)
        .filter((n) => n !== ''),
    ),
  ];
}

/**
 * What a phone search should look for: the canonical form, and the digits a suffix search on the
 * last ≥ 6 digits may use. Returns null digits when the input is too short to search safely.
 */
export function phoneSearchKey(query: string): { normalized: string; suffix: string | null } {
  const normalized = normalizePhone(query);
  return { normalized, suffix: normalized.length >= MIN_SUFFIX_DIGITS ? normalized : null };
}

/** The fewest trailing digits a partial phone search accepts. */
export const MIN_SUFFIX_DIGITS = 6;

/** The extension written after a number ("083510101 anexo 51" → "51"), or null when there is none. */
export function phoneExtension(raw: string): string | null {
  const match = EXTENSION.exec(raw);
  if (!match || !/\d/u.test(raw.slice(0, match.index))) return null;
  return match[0].replace(/\D/gu, '') || null;
}

/**
 * Canonical digits in one readable international form: Peru's numbers by Peru's own grouping
 * (mobile "+51 987 654 321", Lima "+51 1 234 5678", regions "+51 44 123456"), other countries by
 * libphonenumber's. Digits no plan recognises are shown as they are, with a '+' when long enough
 * to be international.
 */
export function readablePhone(digits: string): string {
  if (!digits) return '';
  if (/^519\d{8}$/u.test(digits)) return `+51 ${digits.slice(2, 5)} ${digits.slice(5, 8)} ${digits.slice(8)}`;
  if (/^511\d{7}$/u.test(digits)) return `+51 1 ${digits.slice(3, 6)} ${digits.slice(6)}`;
  if (/^51[2-8]\d{7}$/u.test(digits)) return `+51 ${digits.slice(2, 4)} ${digits.slice(4)}`;
  const parsed = digits.length > 8 ? parsePhoneNumberFromString(`+${digits}`) : undefined;
  if (parsed?.isValid()) return parsed.formatInternational();
  return digits.length > 8 ? `+${digits}` : digits;
}
