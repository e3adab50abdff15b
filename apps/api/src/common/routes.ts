/** Every route is under /api except these (scrapers expect /metrics at the root). */
export const API_PREFIX = 'api';
export const ROUTES_OUTSIDE_API_PREFIX = ['metrics'];

export function fullPathOf(controllerPath: string, methodPath: string): string {
  const parts = [controllerPath, methodPath].flatMap((part) => part.split('/')).filter(Boolean);
  const prefix = ROUTES_OUTSIDE_API_PREFIX.includes(parts[0] ?? '') ? [] : [API_PREFIX];
  return `/${[...prefix, ...parts].join('/')}`;
}
