import { type Rng } from '../core/rng';

/**
 * Peru phone numbers written the way people really type them into a CRM (docs/lessons.md, "Peru phone
 * numbers"): mobiles are 9 digits starting with 9; Lima landlines are area code 1 + 7 digits;
 * other regions 2-digit area codes + 6 digits; the trunk prefix is 0, the international one 00.
 */

const REGIONAL_AREA_CODES = [41, 42, 43, 44, 51, 52, 53, 54, 56, 61, 62, 63, 64, 65, 66, 67, 72, 73, 74, 76, 82, 83, 84] as const;

export type PhoneKind = 'mobile' | 'lima' | 'regional';

function digits(rng: Rng, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(rng.int(0, 9));
  return out;
}

function mobileFormats(m: string): string[] {
  const a = m.slice(0, 3);
  const b = m.slice(3, 6);
  const c = m.slice(6);
  return [
    `${a} ${b} ${c}`,
    m,
    `${a}-${b}-${c}`,
    `+51 ${a} ${b} ${c}`,
    `+51${m}`,
    `+51 ${m}`,
    `0051 ${a} ${b} ${c}`,
    `0051${m}`,
    `51${m}`,
    `0${m}`, // a stray trunk 0 before a mobile
    `(+51) ${a}-${b}-${c}`,
    `tel:+51${m}`,
    `${a}.${b}.${c}`,
  ];
}

function limaFormats(s: string): string[] {
  const a = s.slice(0, 3);
  const b = s.slice(3);
  return [
    `(01) ${a}-${b}`,
    `01 ${s}`,
    `(01) ${s}`,
    `+51 1 ${a} ${b}`,
    `${a}-${b}`,
    `01-${a}-${b}`,
    `(01) ${a}-${b} anexo ${10 + (Number(b) % 90)}`,
    `+51 (1) ${a}${b}`,
  ];
}

function regionalFormats(area: number, s: string): string[] {
  return [
    `(0${area}) ${s}`,
    `0${area}-${s}`,
    `0${area} ${s.slice(0, 3)} ${s.slice(3)}`,
    `+51 ${area} ${s}`,
    `(0${area})${s}`,
    `0${area}${s} anexo ${s.slice(0, 2)}`,
  ];
}

/** One number in one messy written form. */
export function messyPhone(rng: Rng, kind?: PhoneKind): string {
  const k =
    kind ??
    rng.weighted<PhoneKind>([
      ['mobile', 0.7],
      ['lima', 0.18],
      ['regional', 0.12],
    ]);
  if (k === 'mobile') return rng.pick(mobileFormats(`9${digits(rng, 8)}`));
  if (k === 'lima') return rng.pick(limaFormats(`${rng.int(2, 7)}${digits(rng, 6)}`));
  return rng.pick(regionalFormats(rng.pick(REGIONAL_AREA_CODES), `${rng.int(2, 9)}${digits(rng, 5)}`));
}

/** A phone field value: usually one number, sometimes two in one field. */
export function messyPhoneField(rng: Rng): string {
  if (rng.chance(0.06)) {
    const sep = rng.pick([' / ', ' - ', ', ', ' y ', '  ']);
    return `${messyPhone(rng, 'mobile')}${sep}${messyPhone(rng)}`;
  }
  return messyPhone(rng);
}
