import { describe, expect, it } from 'vitest';
import { normalizePhone, normalizePhones, phoneSearchKey, splitPhones } from './phone';

describe('normalizePhone', () => {
  const cases: Array<[string, string, string]> = [
    // Peru mobiles
    ['bare mobile', '987654321', '51987654321'],
    ['already canonical', '51987654321', '51987654321'],
    ['plus country code', '+51987654321', '51987654321'],
    ['plus with spaces', '+51 987 654 321', '51987654321'],
    ['00 international prefix', '0051987654321', '51987654321'],
    ['00 with spaces', '00 51 987 654 321', '51987654321'],
    ['dashes', '987-654-321', '51987654321'],
    ['dots', '987.654.321', '51987654321'],
    ['parentheses around the country code', '(+51) 987 654 321', '51987654321'],
    ['tel: URI', 'tel:+51987654321', '51987654321'],
    ['TEL: in capitals with a space', 'TEL: 987 654 321', '51987654321'],
    ['stray trunk 0 before a mobile', '0987654321', '51987654321'],
    ['stray trunk 0 after the country code', '+51 0987 654 321', '51987654321'],
    ['label before the number', 'Cel: 987 654 321', '51987654321'],
    ['surrounding spaces and tabs', '  \t987654321  ', '51987654321'],
    // extensions
    ['anexo', '987654321 anexo 12', '51987654321'],
    ['ext.', '(01) 234-5678 ext. 101', '5112345678'],
    ['x', '01 234 5678 x123', '5112345678'],
    ['#', '01 234 5678 #45', '5112345678'],
    ['Anexo with a colon', '(01) 2345678 Anexo: 3', '5112345678'],
    ['a label with an x before the number is not an extension', 'Fax: 2345678', '2345678'],
    // landlines
    ['Lima with trunk and parentheses', '(01) 234-5678', '5112345678'],
    ['Lima with trunk, no punctuation', '012345678', '5112345678'],
    ['Lima international', '+51 1 234 5678', '5112345678'],
    ['Lima international with a kept trunk', '+51 (01) 234-5678', '5112345678'],
    ['Lima canonical stays', '5112345678', '5112345678'],
    ['regional Trujillo', '(044) 123456', '5144123456'],
    ['regional Arequipa with dash', '054-123456', '5154123456'],
    ['regional international', '+51 44 123456', '5144123456'],
    ['regional canonical stays', '5144123456', '5144123456'],
    // other countries keep their own code
    ['USA with plus', '+1 (415) 555-2671', '14155552671'],
    ['Spain with 00', '0034 612 345 678', '34612345678'],
    ['Mexico with plus', '+52 1 55 1234 5678', '5215512345678'],
    ['Chile tel: URI', 'tel:+56-9-8765-4321', '56987654321'],
    // anything else: digits unchanged
    ['bare 7-digit local number (ambiguous)', '234-5678', '2345678'],
    ['bare 8-digit Lima number without trunk (ambiguous)', '1234 5678', '12345678'],
    ['unknown area code after trunk', '(099) 123456', '099123456'],
    ['toll-free is not one of the listed rules', '0800 12345', '080012345'],
    ['too long for a mobile', '9876543210', '9876543210'],
    ['partial input', '654321', '654321'],
    ['plus 51 with a bad national number keeps its digits', '+51 123', '51123'],
    // no digits
    ['empty', '', ''],
    ['only spaces', '   ', ''],
    ['only letters', 'no tiene', ''],
    ['only punctuation', '+() -', ''],
  ];

  it.each(cases)('%s: %j → %j', (_label, raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it('is idempotent on its own output', () => {
    for (const [, raw] of cases) {
      const once = normalizePhone(raw);
      expect(normalizePhone(once)).toBe(once);
    }
  });
});

describe('splitPhones', () => {
  const cases: Array<[string, string, string[]]> = [
    ['one number', '+51 987 654 321', ['+51 987 654 321']],
    ['slash', '987654321 / 912345678', ['987654321', '912345678']],
    ['comma', '987-654-321, (01) 234-5678', ['987-654-321', '(01) 234-5678']],
    ['semicolon', '987654321;912345678', ['987654321', '912345678']],
    ['Spanish "y"', '(01) 234-5678 y 987654321', ['(01) 234-5678', '987654321']],
    ['Spanish "o"', '987654321 o 912345678', ['987654321', '912345678']],
    ['new line', '987654321\n912345678', ['987654321', '912345678']],
    ['only a space between two mobiles', '987654321 912345678', ['987654321', '912345678']],
    ['two international numbers', '+1 415 555 2671 +51 987 654 321', ['+1 415 555 2671', '+51 987 654 321']],
    ['extension stays with its number', '987654321 anexo 12, 912345678', ['987654321 anexo 12', '912345678']],
    ['empty pieces dropped', ' , 987654321 , ', ['987654321']],
    ['nothing', 'sin número', []],
  ];

  it.each(cases)('%s', (_label, raw, expected) => {
    expect(splitPhones(raw)).toEqual(expected);
  });

  it('normalizes every number of a field, once each', () => {
    expect(normalizePhones('987654321 / +51 987 654 321 y (044) 123456')).toEqual(['51987654321', '5144123456']);
    expect(normalizePhones('---')).toEqual([]);
  });
});

describe('phoneSearchKey', () => {
  it('searches by the canonical number and by the last ≥ 6 digits', () => {
    expect(phoneSearchKey('0051 987 654 321')).toEqual({ normalized: '51987654321', suffix: '51987654321' });
    expect(phoneSearchKey('654321')).toEqual({ normalized: '654321', suffix: '654321' });
  });

  it('refuses a suffix search on fewer than 6 digits', () => {
    expect(phoneSearchKey('54321')).toEqual({ normalized: '54321', suffix: null });
    expect(phoneSearchKey('abc')).toEqual({ normalized: '', suffix: null });
  });
});
