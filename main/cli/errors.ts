import type { Problem, Result } from '../common/text.ts';

/** A usage or environment problem: the CLI prints it and exits with code 2. */
export class CliProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.en);
  }
}

export function usage(en: string, ru: string): CliProblem {
  return new CliProblem({ code: 'cli.usage', message: { en, ru } });
}

/** Unwrap an engine reply, or stop the command with the problem it names. */
export function must<T>(result: Result<T, Problem>): T {
  if (!result.ok) throw new CliProblem(result.error);
  return result.value;
}
