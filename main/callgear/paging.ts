import { z } from 'zod';
import { fail, ok, type Result } from '../common/text.ts';
import { badReply } from './bad-reply.ts';
import type { CallGearError } from './errors.ts';
import type { RpcReply } from './rpc.ts';

export interface PageOptions {
  signal?: AbortSignal | undefined;
  /** Rows per request: the API's default is 1000, its maximum 10000. */
  pageSize?: number;
}

const DEFAULT_PAGE = 1000;
const MAX_PAGE = 10_000;
/** A list longer than this is not a picker list; stop rather than loop on a growing total. */
const MAX_PAGES = 1000;

/**
 * Reads every page of a `get.*` method. The loop follows `metadata.total_items` and does not stop
 * on a short page while rows remain, because clients have seen short pages before the end
 * (callgear-data-api.md §6.1). The next offset follows the rows actually received, so a page the
 * server cut short loses nothing; rows seen twice (a list changing under us) are kept once.
 */
export async function fetchAll<S extends z.ZodType>(
  page: (window: { limit: number; offset: number }) => Promise<Result<RpcReply, CallGearError>>,
  schema: S,
  method: string,
  host: string,
  options: PageOptions,
): Promise<Result<z.infer<S>[], CallGearError>> {
  const limit = Math.min(MAX_PAGE, Math.max(1, options.pageSize ?? DEFAULT_PAGE));
  const rows: z.infer<S>[] = [];
  const seen = new Set<unknown>();
  const rowsSchema = z.array(schema);
  for (let offset = 0, pages = 0; pages < MAX_PAGES; pages++) {
    const reply = await page({ limit, offset });
    if (!reply.ok) return reply;
    const parsed = rowsSchema.safeParse(reply.value.data);
    if (!parsed.success) return fail(badReply(method, host));
    for (const row of parsed.data) {
      const id = typeof row === 'object' && row !== null && 'id' in row ? row.id : undefined;
      if (id !== undefined && seen.has(id)) continue;
      if (id !== undefined) seen.add(id);
      rows.push(row);
    }
    const total = reply.value.metadata.total_items;
    const known = typeof total === 'number';
    if (parsed.data.length === 0 && !known) break;
    // An empty page before the end (rows hidden from this user?) is stepped over, not an end.
    offset += parsed.data.length > 0 ? parsed.data.length : limit;
    if (known && offset >= total) break;
  }
  return ok(rows);
}
