import { useLocale, useTranslations } from 'next-intl';
import { isErrorCode } from '@oj/shared';
import { isApiError } from './client';

/** The codes the client itself makes up, besides the API's (ERROR_STATUS in @oj/shared). */
const CLIENT_CODES = new Set(['UNREACHABLE', 'BAD_RESPONSE']);

/**
 * The sentence a page shows for a failed request. The API's messages are English and name specifics (the
 * field, the limit), so the English site shows them as they are; every other language shows the
 * translation of the error's code. An unknown code reads as the server's fault.
 */
export function apiErrorText(error: unknown, locale: string, translate: (code: string) => string): string {
  if (!isApiError(error)) return translate('INTERNAL');
  if (locale === 'en' && error.message) return error.message;
  if (isErrorCode(error.code) || CLIENT_CODES.has(error.code)) return translate(error.code);
  return translate('INTERNAL');
}

export function useApiErrorText(): (error: unknown) => string {
  const locale = useLocale();
  const t = useTranslations('apiErrors');
  return (error) => apiErrorText(error, locale, (code) => t(code));
}
