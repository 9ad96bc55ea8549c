/**
 * File names arrive from two platforms (a Windows path from a dialog, a POSIX path from the CLI),
 * so split on both separators instead of relying on node:path's host-specific rules.
 */
export function baseName(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(cut + 1);
}

/** Lower-case extension without the dot, or '' when the name has none. */
export function extensionOf(file: string): string {
  const name = baseName(file);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The name without folders and without its extension: what a text file's only sheet is called. */
export function stemOf(file: string): string {
  const name = baseName(file);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
