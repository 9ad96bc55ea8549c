import { fail, ok, text, type Result } from '../../main/common/text.ts';
import type { ApiError, CallGearError, TransportError } from '../../main/callgear/errors.ts';
import { LimitsTracker, type Pacing } from '../../main/callgear/limits.ts';
import { ChatReportRowSchema, type ChatReportRow } from '../../main/callgear/schemas.ts';
import type { UploadChat } from '../../main/chats/params.ts';
import type { Clock } from '../../main/upload/clock.ts';
import type { UploadApi } from '../../main/upload/runner.ts';

/** What the fake does with one upload request, decided by the test. */
export type Fault =
  | 'ok'
  | 'reset-before'
  | 'reset-after'
  | 'refused'
  | 'internal'
  | 'limit-minute'
  | 'ip'
  | { invalidChat: number; withIndex: boolean };

export interface Stored {
  id: number;
  chat: UploadChat;
}

/** A fake clock: sleeping advances it instantly, so limit waits take no real time. */
export function fakeClock(start = Date.UTC(2025, 0, 10, 12)): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const apiError = (mnemonic: string, action: ApiError['action'], extra: Partial<ApiError> = {}): ApiError => ({
  kind: 'api',
  code: `api.${mnemonic}`,
  method: 'upload.chats',
  mnemonic,
  rpcCode: -32602,
  action,
  outcome: 'not-processed',
  message: text(mnemonic, mnemonic),
  serverMessage: mnemonic,
  params: {},
  ...extra,
});

const transport = (reason: TransportError['reason'], outcome: TransportError['outcome']): TransportError => ({
  kind: 'transport',
  code: `transport.${reason}`,
  method: 'upload.chats',
  reason,
  action: 'retry',
  outcome,
  message: text(reason, reason),
});

/**
 * An in-memory CallGear for the runner's unit tests: stores chats, answers the report, and
 * fails the way the script says. `invalid` chats (by message text) are refused like the real API.
 */
export class FakeCallGear implements UploadApi {
  readonly stored: Stored[] = [];
  readonly limits: LimitsTracker;
  uploads = 0;
  reportCalls = 0;
  reportError: CallGearError | undefined;
  private nextId = 1000;

  constructor(
    private readonly clock: Clock,
    private readonly script: (call: number) => Fault = () => 'ok',
    readonly invalidText = 'INVALID',
  ) {
    this.limits = new LimitsTracker(clock.now);
  }

  pacing(method: string): Pacing {
    return this.limits.pace(this.limits.weightOf(method));
  }

  async uploadChats(json: Uint8Array, count: number): Promise<Result<number[], CallGearError>> {
    this.uploads += 1;
    const chats = JSON.parse(Buffer.from(json).toString('utf8')) as UploadChat[];
    if (chats.length !== count) throw new Error('count mismatch');
    const fault = this.script(this.uploads);
    if (fault === 'reset-before') return fail(transport('reset', 'unknown'));
    if (fault === 'refused') return fail(transport('refused', 'not-processed'));
    if (fault === 'internal') return fail({ ...apiError('internal_error', 'retry'), rpcCode: -32603 });
    if (fault === 'ip') return fail(apiError('ip_not_whitelisted', 'user'));
    if (fault === 'limit-minute') {
      const error = apiError('limit_exceeded', 'wait', { window: 'minute' });
      this.limits.exhausted('minute', undefined);
      return fail(error);
    }
    const bad = chats.findIndex((chat) => chat.messages.some((m) => m.message.includes(this.invalidText)));
    if (bad >= 0) {
      const field = typeof fault === 'object' && !fault.withIndex ? 'chats' : `chats.${bad}.messages.0.message`;
      const location = typeof fault === 'object' && !fault.withIndex ? {} : { location: { chat: bad, message: 0, leaf: 'message' } };
      return fail(apiError('invalid_parameter_value', 'fix', { field, ...location }));
    }
    const ids = chats.map((chat) => {
      const id = this.nextId++;
      this.stored.push({ id, chat });
      return id;
    });
    if (fault === 'reset-after') return fail(transport('reset', 'unknown'));
    return ok(ids);
  }

  async getChatsReport(window: { dateFrom: string; dateTill: string }): Promise<Result<ChatReportRow[], CallGearError>> {
    this.reportCalls += 1;
    if (this.reportError !== undefined) return fail(this.reportError);
    return ok(
      this.stored
        .filter(({ chat }) => chat.start_date_time >= window.dateFrom && chat.start_date_time <= window.dateTill)
        .map(({ id, chat }) => ChatReportRowSchema.parse({
          id,
          date_time: chat.start_date_time,
          chat_channel_type: 'dataapi',
          visitor_phone_number: chat.phone,
          visitor_email: chat.email,
          messages_count: chat.messages.length,
        })),
    );
  }

  deleteFaults: (call: number) => 'ok' | 'reset-after' | 'limit-minute' = () => 'ok';
  deletes = 0;

  async deleteChat(id: number): Promise<Result<void, CallGearError>> {
    this.deletes += 1;
    const fault = this.deleteFaults(this.deletes);
    if (fault === 'limit-minute') {
      this.limits.exhausted('minute', undefined);
      return fail({ ...apiError('limit_exceeded', 'wait', { window: 'minute' }), method: 'delete.chats' });
    }
    const index = this.stored.findIndex((stored) => stored.id === id);
    if (index < 0) return fail({ ...apiError('invalid_parameter_value', 'fix', { field: 'id' }), method: 'delete.chats' });
    this.stored.splice(index, 1);
    if (fault === 'reset-after') return fail({ ...transport('reset', 'unknown'), method: 'delete.chats' });
    return ok(undefined);
  }

  /** How many times each distinct chat is stored: every value should be 1. */
  copies(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { chat } of this.stored) counts.set(JSON.stringify(chat), (counts.get(JSON.stringify(chat)) ?? 0) + 1);
    return counts;
  }
}
