import type { Problem } from '../common/text.ts';

/** The sandbox could not start: a bad state file, a port in use. Carries a Problem the CLI prints. */
export class SandboxError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.en);
  }
}
