import { useMemo } from 'react';
import { useAppStore } from '../store/context';
import { createFormatters, type Formatters } from './format';

/** Formatters for the current language and the account's zone and currency. */
export function useFormat(): Formatters {
  const locale = useAppStore((state) => state.locale);
  const systemLocale = useAppStore((state) => state.info?.systemLocale);
  const account = useAppStore((state) => state.meta.account);
  return useMemo(
    () =>
      createFormatters({
        locale,
        systemLocale,
        timeZone: account?.timezone,
        currency: account?.currency,
        currencySymbol: account?.currencySymbol,
      }),
    [locale, systemLocale, account],
  );
}
