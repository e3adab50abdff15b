import { describe, expect, it } from 'vitest';
import en from '../messages/en.json';
import zh from '../messages/zh.json';

function keys(messages: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value !== null && typeof value === 'object'
      ? keys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('the interface texts', () => {
  it('have the same keys in English and Chinese', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it("of the setters' pages are translated, not copied", () => {
    const english = en.setter as Record<string, unknown>;
    const chinese = zh.setter as Record<string, unknown>;
    const same = keys(english).filter((key) => {
      const pick = (root: Record<string, unknown>) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root);
      const text = pick(english) as string;
      return text === pick(chinese) && /[a-z]{3}/.test(text.replace(/\{[^}]*\}/g, ''));
    });
    expect(same).toEqual([]);
  });
});
