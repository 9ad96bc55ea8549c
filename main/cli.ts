import { pathToFileURL } from 'node:url';
import { CliProblem } from './cli/errors.ts';
import { parseCli, USAGE } from './cli/args.ts';
import { accountsCommand } from './cli/accounts.ts';
import { inspect, validate, type Output } from './cli/commands.ts';
import { makeProject } from './cli/project.ts';
import { sandbox } from './cli/sandbox.ts';
import type { SecretInput } from './cli/secret-input.ts';
import { undo, upload } from './cli/upload.ts';
import type { Lang } from './cli/human.ts';

/** The command line over the same engine as the app. Exit codes: 0 ok, 1 data problems, 2 usage or environment. */
export async function main(argv: string[], out: (line: string) => void, err: (line: string) => void, stdin?: SecretInput): Promise<number> {
  let lang: Lang = /^ru/i.test(process.env.LANG ?? '') ? 'ru' : 'en';
  try {
    const { values, positionals } = parseCli(argv);
    if (values.lang === 'ru' || values.lang === 'en') lang = values.lang;
    const [command, file, ...extra] = positionals;
    if (values.help || !command) {
      out(USAGE);
      return values.help ? 0 : 2;
    }
    const output: Output = { out, err, lang };
    if (command === 'accounts') return await accountsCommand(positionals.slice(1), values, output, stdin ?? process.stdin);
    if (command === 'sandbox' && file === undefined) return await sandbox(values, output);
    if (!file || extra.length) {
      err(USAGE);
      return 2;
    }
    switch (command) {
      case 'inspect':
        return await inspect(file, values, output);
      case 'validate':
        return await validate(file, values, output);
      case 'project':
        return await makeProject(file, values, output);
      case 'upload':
        return await upload(file, values, output);
      case 'undo':
        return await undo(file, values, output);
      default:
        err(USAGE);
        return 2;
    }
  } catch (error) {
    if (error instanceof CliProblem) {
      err(`${error.problem.code}: ${error.problem.message[lang]}`);
      return 2;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`)).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
