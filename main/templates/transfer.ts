import { fail, ok, type Result } from '../common/text.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { checkJson, misfitText, newerVersion, readJson } from '../files/json-file.ts';
import { TEMPLATE_FILE_FORMAT, TEMPLATES_VERSION, TemplateFileSchema, type Template, type TemplateFile } from './model.ts';
import { fileUnreadable, fileUnwritable, notATemplate, reasonOf, templateNewer } from './problems.ts';

export type PortableTemplate = TemplateFile['template'];

/** One template as a file of its own, without the id that only means something in this store. */
export function writeTemplateFile(path: string, template: Template): Result<void> {
  const { id: _id, ...portable } = template;
  const file: TemplateFile = { format: TEMPLATE_FILE_FORMAT, version: TEMPLATES_VERSION, template: portable };
  try {
    writeFileAtomic(path, `${JSON.stringify(TemplateFileSchema.parse(file), null, 2)}\n`);
    return ok(undefined);
  } catch (error) {
    return fail(fileUnwritable(path, reasonOf(error)));
  }
}

/** Reads an exported template; one from a newer app is refused by name, anything else invalid by field. */
export function readTemplateFile(path: string): Result<PortableTemplate> {
  const read = readJson(path);
  if (read.kind === 'missing') return fail(fileUnreadable(path, 'ENOENT'));
  if (read.kind === 'unreadable') return fail(fileUnreadable(path, reasonOf(read.error)));
  if (read.kind === 'not_json') return fail(notATemplate(path, 'not JSON'));
  const json = read.json;
  if (typeof json !== 'object' || json === null || !('format' in json) || json.format !== TEMPLATE_FILE_FORMAT) return fail(notATemplate(path, 'no template format mark'));
  const newer = newerVersion(json, TEMPLATES_VERSION);
  if (newer !== undefined) return fail(templateNewer(path, newer, TEMPLATES_VERSION));
  const checked = checkJson(TemplateFileSchema, json);
  return checked.ok ? ok(checked.value.template) : fail(notATemplate(path, misfitText(checked.misfit)));
}
