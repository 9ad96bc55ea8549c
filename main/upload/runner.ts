import { text, type Result } from '../common/text.ts';
import type { CallGearError } from '../callgear/errors.ts';
import type { Pacing } from '../callgear/limits.ts';
import type { ChatReportRow } from '../callgear/schemas.ts';
import { backoffMs, type Clock } from './clock.ts';
import type { DoubtfulChat, Progress, Summary, UploadEvent, WaitReason } from './events.ts';
import type { Journal } from './journal.ts';
import { chatsJson, packBatches, sameChat, type PlannedChat } from './plan.ts';
import { matchReport } from './reconcile.ts';
import { changedAfterUpload } from './results.ts';
import type { JournalRecord, RecordedError } from './records.ts';
import { UploadState } from './state.ts';
import { reportGroups } from './windows.ts';

/** The part of the CallGear client an upload uses. */
export interface UploadApi {
  uploadChats(chats: Uint8Array, count: number): Promise<Result<number[], CallGearError>>;
  getChatsReport(window: { dateFrom: string; dateTill: string }, filter: undefined): Promise<Result<ChatReportRow[], CallGearError>>;
  pacing(method: string): Pacing;
  readonly limits: { latest(): { limits: { day: { remaining?: number } } } | undefined; learnedWeight(method: string): number | undefined };
}

export interface RunOptions {
  api: UploadApi;
  journal: Journal;
  /** The import's valid chats in file order. */
  chats: readonly PlannedChat[];
  clock: Clock;
  onEvent: (event: UploadEvent) => void;
  /** Requests in flight at once; 1 unless the person raises it (2–4). */
  concurrency?: number;
  batchSize?: number;
  maxBatchBytes?: number;
  /** Retries of a request that failed without being processed, before the run stops. */
  maxRetries?: number;
  /**
   * How long to let an interrupted request settle before looking for its chats. ASSUME: the
   * server may still be storing a batch whose reply timed out; looking too early would miss it.
   */
  reconcileDelayMs?: number;
  random?: () => number;
}

/**
 * Neighbouring chats refused one after another with the same error, none accepted in between,
 * before the run stops: past that the error most likely concerns every chat (visitor sessions of
 * another site, a site removed since the lists were read), and isolating each would cost two
 * requests a chat of its limits.
 */
const SAME_REFUSALS_TO_STOP = 10;

/** Lone requests sent at most, before going concurrent, to learn what one costs. */
const LONE_REQUESTS = 3;

export type RunEnd = 'finished' | 'cancelled' | 'stopped' | 'needs-decision';

const DEFAULTS = { concurrency: 1, batchSize: 500, maxBatchBytes: 512 * 1024, maxRetries: 6, reconcileDelayMs: 15_000 };

/**
 * One run of an import's upload: sends every pending chat once, paced by the account's limits,
 * and keeps the journal so that a crash, a cancel or a network fault at any moment never loses or
 * duplicates a chat. Chats whose request may have been carried out are looked up in CallGear
 * before anything is resent.
 */
export class UploadRun {
  private readonly state: UploadState;
  private readonly options: Required<Omit<RunOptions, 'random'>> & { random: () => number };
  private readonly byKey = new Map<string, PlannedChat>();
  private readonly skipped = new Set<string>();
  private queue: PlannedChat[][] = [];
  private ending: { as: 'cancelled' | 'stopped' | 'needs-decision'; error?: RecordedError } | undefined;
  private readonly wake = new AbortController();
  private pausedGate: { promise: Promise<void>; release: () => void } | undefined;
  private unknownSeen = false;
  private requests = 0;
  private retries = 0;
  /** Where each chat of this round stands among the chats to send, to tell neighbours apart. */
  private order = new Map<string, number>();
  /** The latest refusals' error, the place of the last chat refused, and how many neighbours it refused. */
  private refusals = { error: '', at: -1, count: 0 };
  private acceptedNow = 0;
  private startedAt = 0;
  private pointsAtStart: number | undefined;

  constructor(options: RunOptions) {
    this.options = { ...DEFAULTS, random: Math.random, ...options };
    this.state = UploadState.replay(options.journal.records);
    for (const chat of options.chats) this.byKey.set(chat.key, chat);
  }

  pause(): void {
    if (this.pausedGate !== undefined || this.ending !== undefined) return;
    let release = () => undefined as void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.pausedGate = { promise, release };
    this.emit({ type: 'paused', progress: this.progress() });
  }

  resume(): void {
    const gate = this.pausedGate;
    if (gate === undefined) return;
    this.pausedGate = undefined;
    gate.release();
    this.emit({ type: 'resumed', progress: this.progress() });
  }

  /** Stops taking new batches; requests in flight finish or time out and their outcome is kept. */
  cancel(): void {
    if (this.ending === undefined) this.ending = { as: 'cancelled' };
    this.wake.abort();
    this.pausedGate?.release();
  }

  async run(): Promise<RunEnd> {
    this.startedAt = this.options.clock.now();
    this.pointsAtStart = this.options.api.limits.latest()?.limits.day.remaining;
    const resumed = this.options.journal.records.some((record) => record.t === 'sent');
    for (const key of changedAfterUpload(this.options.chats, this.state)) this.skipped.add(key);
    for (const key of this.state.earlier.keys()) this.skipped.add(key);
    if (!this.write({ t: 'run', at: this.now(), event: 'started' })) return this.finish();
    this.emit({ type: 'started', progress: this.progress(), resumed });
    while (this.ending === undefined) {
      if (this.unknownChats().length > 0 && !(await this.reconcile())) break;
      const pending = this.pendingChats();
      this.order = new Map(pending.map((chat, i) => [chat.key, i]));
      this.queue = packBatches(pending, { maxChats: this.options.batchSize, maxBytes: this.options.maxBatchBytes });
      if (this.queue.length === 0) break;
      this.unknownSeen = false;
      const concurrency = Math.max(1, Math.min(4, this.options.concurrency));
      // Requests overlapping from the start would hide what one costs; pacing needs that cost.
      // The first reply only sets a baseline; the cost shows in the second lone reply's delta.
      for (let lone = 0; concurrency > 1 && lone < LONE_REQUESTS && this.options.api.limits.learnedWeight('upload.chats') === undefined; lone++) await this.worker(1);
      await Promise.all(Array.from({ length: concurrency }, () => this.worker()));
    }
    return this.finish();
  }

  private async worker(batches = Number.POSITIVE_INFINITY): Promise<void> {
    for (let sent = 0; sent < batches && this.ending === undefined; ) {
      if (this.pausedGate !== undefined) {
        await this.pausedGate.promise;
        continue;
      }
      // After an unknown outcome nothing more is sent until the doubtful chats are looked up.
      if (this.unknownSeen) return;
      const batch = this.queue.shift();
      if (batch === undefined) return;
      const go = await this.paced();
      if (!go || this.pausedGate !== undefined) {
        this.queue.unshift(batch);
        if (!go) return;
        continue;
      }
      await this.send(batch);
      sent += 1;
    }
  }

  private async paced(): Promise<boolean> {
    for (;;) {
      const pacing = this.options.api.pacing('upload.chats');
      if (pacing.kind === 'go') return this.ending === undefined;
      const reason: WaitReason = pacing.kind === 'pause' ? 'day-limit' : 'minute-limit';
      await this.wait(reason, pacing.until);
      if (this.ending !== undefined) return false;
    }
  }

  private async wait(reason: WaitReason, until: number): Promise<void> {
    this.emit({ type: 'waiting', progress: this.progress(), reason, until, message: waitWords(reason, until) });
    await this.options.clock.sleep(Math.max(0, until - this.now()), this.wake.signal);
  }

  private async send(batch: PlannedChat[]): Promise<void> {
    const b = this.state.nextBatchNumber();
    if (!this.write({ t: 'sent', at: this.now(), b, chats: batch.map((chat) => ({ k: chat.key, r: chat.rows, s: sameChat(chat) })) })) return;
    this.requests += 1;
    this.emit({ type: 'batch-sent', progress: this.progress(), batch: b, chats: batch.length });
    const reply = await this.options.api.uploadChats(chatsJson(batch), batch.length);
    if (reply.ok) {
      this.retries = 0;
      if (!this.write({ t: 'accepted', at: this.now(), b, ids: reply.value })) return;
      this.acceptedNow += batch.length;
      this.refusals = { error: '', at: -1, count: 0 };
      this.emit({ type: 'batch-accepted', progress: this.progress(), batch: b, chats: batch.length });
      return;
    }
    await this.failed(b, batch, reply.error);
  }

  private async failed(b: number, batch: PlannedChat[], error: CallGearError): Promise<void> {
    const recorded = recordError(error);
    if (error.outcome === 'unknown') {
      this.unknownSeen = true;
      if (this.write({ t: 'unknown', at: this.now(), b, error: recorded })) {
        this.emit({ type: 'outcome-unknown', progress: this.progress(), batch: b, chats: batch.length, error: recorded });
      }
      return;
    }
    if (!this.write({ t: 'not-sent', at: this.now(), b, error: recorded })) return;
    if (error.action === 'fix') return this.isolate(b, batch, error, recorded);
    if (error.action === 'wait') {
      // The limits tracker has marked the window spent; pacing waits it out before this resend.
      this.queue.unshift(batch);
      return;
    }
    if (error.action === 'retry' && this.retries < this.options.maxRetries) {
      this.retries += 1;
      this.queue.unshift(batch);
      await this.wait('retry', this.now() + backoffMs(this.retries, this.options.random));
      return;
    }
    this.stop('stopped', recorded);
  }

  /** A data error: reject the chat the API names, or halve the batch until the culprit is alone. */
  private isolate(b: number, batch: PlannedChat[], error: CallGearError, recorded: RecordedError): void {
    const index = error.kind === 'api' ? error.location?.chat : undefined;
    if (batch.length === 1 || (index !== undefined && index < batch.length)) {
      const culprit = batch[index ?? 0] as PlannedChat;
      if (!this.write({ t: 'rejected', at: this.now(), b, chat: { k: culprit.key, r: culprit.rows }, error: recorded })) return;
      this.emit({ type: 'chat-rejected', progress: this.progress(), batch: b, rows: culprit.rows, error: recorded });
      const rest = batch.filter((chat) => chat !== culprit);
      if (rest.length > 0) this.queue.unshift(rest);
      if (this.refusedAlike(recorded, culprit) >= SAME_REFUSALS_TO_STOP) this.stop('stopped', sameRefusals(recorded));
      return;
    }
    const half = Math.ceil(batch.length / 2);
    this.queue.unshift(batch.slice(0, half), batch.slice(half));
  }

  /**
   * How many neighbouring chats in a row the same error has refused. Bad chats spread through a
   * file, each refused on its own, do not add up; only refusals of chat after chat do. Indexes in
   * the error (`chats.7.messages.0`) differ from chat to chat and do not count as a difference.
   */
  private refusedAlike(error: RecordedError, chat: PlannedChat): number {
    const said = `${error.code}\u0000${error.field ?? ''}\u0000${error.message.en}`.replace(/\d+/g, '#');
    const at = this.order.get(chat.key) ?? -1;
    const next = said === this.refusals.error && at === this.refusals.at + 1;
    this.refusals = { error: said, at, count: next ? this.refusals.count + 1 : 1 };
    return this.refusals.count;
  }

  /** Looks up chats whose outcome is unknown; found ones are accepted, the rest sent again. */
  private async reconcile(): Promise<boolean> {
    const doubtful = this.unknownChats();
    if (this.options.reconcileDelayMs > 0) await this.wait('reconcile', this.now() + this.options.reconcileDelayMs);
    if (this.ending !== undefined) return false;
    const claimed = new Set<number>();
    for (const chat of this.state.chats.values()) if (chat.status === 'accepted' && chat.id !== undefined) claimed.add(chat.id);
    const found: [string, number][] = [];
    const missing: string[] = [];
    for (const group of reportGroups(doubtful.map((chat) => ({ key: chat.key, probe: chat.probe })))) {
      const rows = await this.report(group.window, doubtful);
      if (rows === undefined) return false;
      const matched = matchReport(group.chats, rows, claimed);
      for (const [, id] of matched.found) claimed.add(id);
      found.push(...matched.found);
      missing.push(...matched.missing);
    }
    if (!this.write({ t: 'reconciled', at: this.now(), found, missing })) return false;
    this.emit({ type: 'reconciled', progress: this.progress(), found: found.length, missing: missing.length });
    return true;
  }

  private async report(window: { dateFrom: string; dateTill: string }, doubtful: PlannedChat[]): Promise<ChatReportRow[] | undefined> {
    for (let attempt = 1; ; attempt++) {
      const reply = await this.options.api.getChatsReport(window, undefined);
      this.requests += 1;
      if (reply.ok) return reply.value;
      const retryable = reply.error.action === 'retry' || reply.error.action === 'wait';
      if (!retryable || attempt > this.options.maxRetries) {
        const chats: DoubtfulChat[] = doubtful.map((chat) => ({ key: chat.key, rows: chat.rows }));
        const error = recordError(reply.error);
        this.stop('needs-decision', error);
        this.emit({ type: 'needs-decision', progress: this.progress(), chats, error });
        return undefined;
      }
      if (reply.error.action === 'wait') await this.paced();
      else await this.wait('retry', this.now() + backoffMs(attempt, this.options.random));
      if (this.ending !== undefined) return undefined;
    }
  }

  private unknownChats(): PlannedChat[] {
    return this.state.inStatus('unknown').flatMap((chat) => this.byKey.get(chat.key) ?? []);
  }

  private pendingChats(): PlannedChat[] {
    return this.options.chats.filter((chat) => {
      if (this.skipped.has(chat.key)) return false;
      const status = this.state.chats.get(chat.key)?.status ?? 'pending';
      return status === 'pending';
    });
  }

  private stop(as: 'stopped' | 'needs-decision', error: RecordedError): void {
    if (this.ending === undefined || this.ending.as === 'cancelled') this.ending = { as, error };
    this.wake.abort();
  }

  private write(record: JournalRecord): boolean {
    const written = this.options.journal.append(record);
    if (written.ok) {
      this.state.apply(record);
      return true;
    }
    this.stop('stopped', { code: written.error.code, message: written.error.message });
    return false;
  }

  private finish(): RunEnd {
    const summary = this.summary();
    const ending = this.ending;
    if (ending === undefined) {
      this.write({ t: 'run', at: this.now(), event: 'finished' });
      this.emit({ type: 'finished', progress: this.progress(), summary });
      return 'finished';
    }
    if (ending.as === 'cancelled') {
      this.write({ t: 'run', at: this.now(), event: 'cancelled' });
      this.emit({ type: 'cancelled', progress: this.progress(), summary });
      return 'cancelled';
    }
    if (ending.as === 'stopped') {
      this.options.journal.append({ t: 'run', at: this.now(), event: 'stopped' });
      this.emit({ type: 'stopped', progress: this.progress(), error: ending.error as RecordedError });
    }
    return ending.as;
  }

  summary(): Summary {
    const p = this.progress();
    const left = this.options.api.limits.latest()?.limits.day.remaining;
    const points = this.pointsAtStart !== undefined && left !== undefined && left <= this.pointsAtStart ? this.pointsAtStart - left : undefined;
    return { accepted: p.accepted, rejected: p.rejected, skipped: p.skipped, unknown: p.unknown, pending: p.pending, tookMs: this.now() - this.startedAt, requests: this.requests, points };
  }

  progress(): Progress {
    let accepted = 0;
    let rejected = 0;
    let unknown = 0;
    const skipped = this.skipped.size;
    for (const chat of this.options.chats) {
      const status = this.state.chats.get(chat.key)?.status;
      if (status === 'accepted') accepted++;
      else if (status === 'rejected') rejected++;
      else if (status === 'unknown' || status === 'in-flight') unknown++;
    }
    const total = this.options.chats.length;
    const pending = total - accepted - rejected - unknown - skipped;
    const seconds = (this.now() - this.startedAt) / 1000;
    const rate = seconds > 0 ? this.acceptedNow / seconds : 0;
    return { total, accepted, rejected, unknown, pending, skipped, requests: this.requests, rate, etaSeconds: rate > 0 ? (pending + unknown) / rate : undefined };
  }

  private now(): number {
    return this.options.clock.now();
  }

  private emit(event: UploadEvent): void {
    this.options.onEvent(event);
  }
}

function recordError(error: CallGearError): RecordedError {
  const recorded: RecordedError = { code: error.code, message: error.message, action: error.action };
  if (error.kind === 'api' && error.field !== undefined) recorded.field = error.field;
  return recorded;
}

function sameRefusals(error: RecordedError): RecordedError {
  const stopped: RecordedError = {
    code: 'upload.same_refusal',
    message: text(
      `CallGear refused ${SAME_REFUSALS_TO_STOP} chats in a row with the same error and accepted none in between: ${error.message.en} It most likely concerns every chat (a site, campaign or employee the account does not have, say), so the rest were not sent, to spare the account's API limits. Fix the mapping, then upload again.`,
      `CallGear отклонил ${SAME_REFUSALS_TO_STOP} чатов подряд с одной и той же ошибкой и не принял ни одного между ними: ${error.message.ru} Скорее всего, она касается всех чатов (например, сайта, кампании или сотрудника, которых нет в аккаунте), поэтому остальные не отправлялись, чтобы не тратить лимиты API аккаунта. Исправьте сопоставление и загрузите снова.`,
    ),
  };
  if (error.field !== undefined) stopped.field = error.field;
  return stopped;
}

function waitWords(reason: WaitReason, until: number) {
  const at = new Date(until).toISOString().slice(11, 19);
  switch (reason) {
    case 'minute-limit':
      return text(`The account's per-minute API points are spent; resumes at ${at} UTC.`, `Баллы API на эту минуту израсходованы; продолжение в ${at} UTC.`);
    case 'day-limit':
      return text(`The account's daily API points are spent; resumes at ${at} UTC.`, `Суточные баллы API израсходованы; продолжение в ${at} UTC.`);
    case 'retry':
      return text(`CallGear did not answer properly; trying again at ${at} UTC.`, `CallGear ответил с ошибкой; повтор в ${at} UTC.`);
    case 'reconcile':
      return text(`A request may have been carried out; checking CallGear for its chats at ${at} UTC.`, `Запрос мог быть выполнен; проверка чатов в CallGear в ${at} UTC.`);
  }
}
