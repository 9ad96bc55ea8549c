/** The files the app opens, by extension: shared by main's dialogs and the page's drop zone. */
export const SPREADSHEET_EXTENSIONS = ['xlsx', 'xlsm', 'xlsb', 'xls', 'ods', 'csv', 'tsv', 'txt'] as const;
export const PROJECT_EXTENSION_NAME = 'chatimport';

export type FileKind = 'spreadsheet' | 'project';

/** What a path names by its extension (either separator, any case); `undefined` for anything else. */
export function fileKind(path: string): FileKind | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const extension = name.slice(dot + 1).toLowerCase();
  if (extension === PROJECT_EXTENSION_NAME) return 'project';
  return (SPREADSHEET_EXTENSIONS as readonly string[]).includes(extension) ? 'spreadsheet' : undefined;
}
