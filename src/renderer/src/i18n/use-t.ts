import { useMemo } from 'react';
import { createTranslator, type Locale, type Translate } from '../../../common/i18n';
import { useAppStore } from '../store/context';

const translators = new Map<Locale, Translate>();

export function translatorFor(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) {
    translate = createTranslator(locale);
    translators.set(locale, translate);
  }
  return translate;
}

/** The translator for the language the user chose (or the system's). */
export function useT(): Translate {
  const locale = useAppStore((state) => state.locale);
  return useMemo(() => translatorFor(locale), [locale]);
}
