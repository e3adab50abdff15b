import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@oj/shared';
import { ApiRequestError } from '@/lib/api/client';
import { apiErrorText } from '@/lib/api/error-text';
import en from '../messages/en.json';
import zh from '../messages/zh.json';

const catalogs = { en: en.apiErrors as Record<string, string>, zh: zh.apiErrors as Record<string, string> };

describe('API error messages', () => {
  it.each(ERROR_CODES)('%s has an English and a Chinese message, and they differ', (code) => {
    expect(catalogs.en[code]?.trim()).toBeTruthy();
    expect(catalogs.zh[code]?.trim()).toBeTruthy();
    expect(catalogs.zh[code]).not.toBe(catalogs.en[code]);
    expect(catalogs.zh[code]).toMatch(/[\u4e00-\u9fff]/);
  });

  it("name no code that the API does not have, besides the client's own", () => {
    for (const catalog of Object.values(catalogs))
      expect(Object.keys(catalog).sort()).toEqual([...ERROR_CODES, 'BAD_RESPONSE', 'UNREACHABLE'].sort());
  });

  const error = (code: string, message: string) => new ApiRequestError({ status: 409, code, message });
  const translate = (code: string) => catalogs.zh[code] ?? `missing ${code}`;

  it("show the server's specific English message on the English site, the code's translation elsewhere", () => {
    const taken = error('USERNAME_TAKEN', 'the username ann is taken');
    expect(apiErrorText(taken, 'en', translate)).toBe('the username ann is taken');
    expect(apiErrorText(taken, 'zh', translate)).toBe(catalogs.zh.USERNAME_TAKEN);
  });

  it("read an unknown code, or something that is not an API error, as the server's fault", () => {
    expect(apiErrorText(error('SOMETHING_NEW', 'x'), 'zh', translate)).toBe(catalogs.zh.INTERNAL);
    expect(apiErrorText(error('__proto__', 'x'), 'zh', translate)).toBe(catalogs.zh.INTERNAL);
    expect(apiErrorText(new Error('boom'), 'en', translate)).toBe(catalogs.zh.INTERNAL);
    expect(apiErrorText(error('UNREACHABLE', ''), 'en', translate)).toBe(catalogs.zh.UNREACHABLE);
  });
});
