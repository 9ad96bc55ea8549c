import { z } from 'zod';
import { FindingSchema } from './engine.ts';

/** A data row as the review grid shows it: display texts, and the findings about that row. */
export const RowViewSchema = z.object({
  /** The spreadsheet row number a person sees. */
  row: z.number(),
  cells: z.array(z.string()),
  /** Cells the person edited (column indexes); the source file is never changed. */
  edited: z.array(z.number()),
  excluded: z.boolean(),
  findings: z.array(FindingSchema),
  /** Every row of the chat this row is in (spreadsheet numbers), when that chat has more than one. */
  chatRows: z.array(z.number()).optional(),
  /** For an excluded row: the excluded rows of its chat, when two or more ("Include its chat again"). */
  excludedChat: z.array(z.number()).optional(),
});

/** A page of grid rows, however they were chosen. */
export const RowsPageSchema = z.object({ total: z.number(), rows: z.array(RowViewSchema) });
