// The sections of the setter's editor; also read by its server page (?tab=), so not in the client module.
export const EDITOR_TABS = [
  'statement',
  'settings',
  'tests',
  'solutions',
  'check',
  'versions',
  'rejudge',
  'authors',
] as const;
export type EditorTab = (typeof EDITOR_TABS)[number];
