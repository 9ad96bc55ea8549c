/*
 * Tags of the small parts (content types, relationships, the workbook, styles, comments), which
 * are read whole as text: a few kilobytes, where regular expressions are simplest.
 */

export interface Tag {
  /** Local name, without a namespace prefix. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** By local name, as SheetJS keys them (`r:id` is `id`); values still escaped. */
  attributes: Map<string, string>;
}

const COMMENT = /<!--[\s\S]*?-->/g;
const TAG = /<(\/?)([A-Za-z0-9:_.-]+)([^<>]*)>/g;
const ATTRIBUTE = /\s([^"\s?>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1] ?? '';
    // The prefix is dropped, except that namespace declarations stay apart from what they name.
    attributes.set(name.startsWith('xmlns') ? name : local(name), m[2] ?? m[3] ?? '');
  }
  return attributes;
}

export function* tags(xml: string): Generator<Tag> {
  for (const m of xml.replace(COMMENT, '').matchAll(TAG)) {
    const rest = m[3] ?? '';
    yield { name: local(m[2] ?? ''), closing: m[1] === '/', selfClosing: rest.endsWith('/'), attributes: attributesOf(rest) };
  }
}

/** The tags between the first opening `name` tag and its closing one (none when it closes itself). */
export function* tagsWithin(xml: string, name: string): Generator<Tag> {
  let inside = false;
  for (const tag of tags(xml)) {
    if (tag.name === name) {
      if (inside || tag.closing || tag.selfClosing) return;
      inside = true;
      continue;
    }
    if (inside) yield tag;
  }
}
