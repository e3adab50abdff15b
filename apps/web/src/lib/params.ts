// Reading URL search parameters of server pages, leniently: a bad value is ignored, never a crash.
export type SearchParams = Record<string, string | string[] | undefined>;

export function param(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  const text = Array.isArray(value) ? value[0] : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

export function pageParam(params: SearchParams): number {
  const page = Number(param(params, 'page'));
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** A text field of a submitted form ('' when absent or a file). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
