import { SNIPPET_LENGTH, truncate } from './text.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
export type JsonKind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/**
 * Deepest nesting of arrays and objects the checkers accept. Every walk over a value here is recursive,
 * so a deeper value (100k levels of "[") would overflow the stack; it is refused before parsing instead.
 */
export const MAX_JSON_DEPTH = 1000;

export type JsonParseResult = { ok: true; value: JsonValue } | { ok: false; error: string };

/** JSON.parse, but never throws and refuses values nested deeper than MAX_JSON_DEPTH. */
export function parseJsonSafely(text: string): JsonParseResult {
  if (text.trim() === '') {
    return { ok: false, error: 'empty, not a JSON value' };
  }
  if (nestingDepthExceeds(text, MAX_JSON_DEPTH)) {
    return { ok: false, error: `nested deeper than ${MAX_JSON_DEPTH} levels` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (error) {
    return {
      ok: false,
      error: `not valid JSON (${truncate(error instanceof Error ? error.message : String(error), 120)})`,
    };
  }
}

/** One linear pass over the text counting brackets outside strings; tolerant of invalid JSON. */
function nestingDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') {
        index++;
      } else if (character === '"') {
        inString = false;
      }
    } else if (character === '"') {
      inString = true;
    } else if (character === '[' || character === '{') {
      depth++;
      if (depth > maxDepth) {
        return true;
      }
    } else if (character === ']' || character === '}') {
      depth--;
    }
  }
  return false;
}

export function jsonKind(value: JsonValue): JsonKind {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'boolean') {
    return 'boolean';
  }
  if (typeof value === 'number') {
    return 'number';
  }
  return typeof value === 'string' ? 'string' : 'object';
}

const KIND_ORDER: Record<JsonKind, number> = { null: 0, boolean: 1, number: 2, string: 3, array: 4, object: 5 };

/**
 * A total order on JSON values, used to sort canonical arrays: by kind, then by value; arrays
 * element by element, objects key by key (keys sorted). Returns 0 exactly for deep-equal values.
 */
export function compareJson(first: JsonValue, second: JsonValue): number {
  if (typeof first === 'number' && typeof second === 'number') return comparePrimitives(first, second);
  const firstKind = jsonKind(first);
  const secondKind = jsonKind(second);
  if (firstKind !== secondKind) {
    return KIND_ORDER[firstKind] - KIND_ORDER[secondKind];
  }
  switch (firstKind) {
    case 'null':
      return 0;
    case 'boolean':
    case 'number':
    case 'string':
      return comparePrimitives(first as boolean | number | string, second as boolean | number | string);
    case 'array':
      return compareArrays(first as JsonValue[], second as JsonValue[]);
    case 'object':
      return compareObjects(first as JsonObject, second as JsonObject);
  }
}

function comparePrimitives<T extends boolean | number | string>(first: T, second: T): number {
  if (first < second) {
    return -1;
  }
  return first > second ? 1 : 0;
}

function compareArrays(first: JsonValue[], second: JsonValue[]): number {
  const sharedLength = Math.min(first.length, second.length);
  for (let index = 0; index < sharedLength; index++) {
    const order = compareJson(first[index]!, second[index]!);
    if (order !== 0) {
      return order;
    }
  }
  return first.length - second.length;
}

function compareObjects(first: JsonObject, second: JsonObject): number {
  const firstKeys = sortedKeys(first);
  const secondKeys = sortedKeys(second);
  const sharedLength = Math.min(firstKeys.length, secondKeys.length);
  for (let index = 0; index < sharedLength; index++) {
    const firstKey = firstKeys[index]!;
    const secondKey = secondKeys[index]!;
    if (firstKey !== secondKey) {
      return comparePrimitives(firstKey, secondKey);
    }
    const order = compareJson(first[firstKey]!, second[secondKey]!);
    if (order !== 0) {
      return order;
    }
  }
  return firstKeys.length - secondKeys.length;
}

export function sortedKeys(object: JsonObject): string[] {
  return Object.keys(object).sort(comparePrimitives);
}

/** A value as compact JSON for a message, cut to SNIPPET_LENGTH characters. */
export function renderJson(value: JsonValue): string {
  return truncate(JSON.stringify(value), SNIPPET_LENGTH);
}
