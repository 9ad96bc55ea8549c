import type { Problem } from '../../common/text.ts';
import type { FallbackReason } from '../notes.ts';

/*
 * The scanners run deep loops over bytes; returning a status from every level would cost the hot
 * path a check per cell. These two are thrown instead and caught once, at the reader's edge.
 */

/** Something this reader leaves to SheetJS: the file falls back, with a note saying why. */
export class Unsupported extends Error {
  constructor(readonly reason: FallbackReason) {
    super(`xlsx reader: ${reason}`);
  }
}

/** The file must be refused outright (a cap was passed); no other reader should try it. */
export class Refused extends Error {
  constructor(readonly problem: Problem) {
    super(`xlsx reader: ${problem.code}`);
  }
}
