import { describe, expect, test } from 'vitest';
import { LruCache } from '../src/store/lru.ts';

describe('the LRU cache', () => {
  test('drops the least recently used entries beyond its budget', () => {
    const cache = new LruCache<string, string>(5, (value) => value.length);
    cache.set('a', 'aa');
    cache.set('b', 'bb');
    expect(cache.get('a')).toBe('aa');
    cache.set('c', 'cc');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('aa');
    expect(cache.get('c')).toBe('cc');
    cache.set('huge', 'x'.repeat(6));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
