import { readFileSync } from 'node:fs';
import { fail, ok, type Result } from '../common/text.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
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
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(fileUnreadable(path, reasonOf(error)));
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return fail(notATemplate(path, 'not JSON'));
  }
  if (typeof json !== 'object' || json === null || !('format' in json) || json.format !== TEMPLATE_FILE_FORMAT) return fail(notATemplate(path, 'no template format mark'));
  const version = 'version' in json ? json.version : undefined;
  if (typeof version === 'number' && version > TEMPLATES_VERSION) return fail(templateNewer(path, version, TEMPLATES_VERSION));
  const parsed = TemplateFileSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data.template);
  const issue = parsed.error.issues[0];
  return fail(notATemplate(path, `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`));
}
