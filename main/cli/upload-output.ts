import type { Progress, UploadEvent } from '../upload/events.ts';
import type { UndoEvent } from '../upload/undo.ts';
import type { Output } from './commands.ts';

/** Upload progress: JSON lines with `--json`, a redrawn line on a terminal, notable lines otherwise. */
export function uploadPrinter(output: Output, json: boolean, stream: NodeJS.WriteStream = process.stderr): (event: UploadEvent | UndoEvent) => void {
  if (json) return (event) => output.out(JSON.stringify(event));
  const ru = output.lang === 'ru';
  return (event) => {
    if ('progress' in event && stream.isTTY) stream.write(`\r\x1b[K${line(event.progress, ru)}`);
    const note = notable(event, ru);
    if (note === undefined) return;
    if (stream.isTTY) stream.write('\r\x1b[K');
    output.out(note);
  };
}

function line(p: Progress, ru: boolean): string {
  const share = p.total > 0 ? Math.round(((p.accepted + p.rejected + p.skipped) / p.total) * 100) : 100;
  const eta = p.etaSeconds === undefined ? '' : ` ETA ${Math.ceil(p.etaSeconds)}s`;
  return ru
    ? `${share}% принято ${p.accepted}, отклонено ${p.rejected}, неизвестно ${p.unknown} из ${p.total}; запросов ${p.requests}; ${p.rate.toFixed(0)} чат/с${eta}`
    : `${share}% accepted ${p.accepted}, rejected ${p.rejected}, unknown ${p.unknown} of ${p.total}; ${p.requests} requests; ${p.rate.toFixed(0)} chats/s${eta}`;
}

function notable(event: UploadEvent | UndoEvent, ru: boolean): string | undefined {
  const lang = ru ? 'ru' : 'en';
  switch (event.type) {
    case 'chat-rejected':
      return `${ru ? 'Строки' : 'Rows'} ${event.rows.join(', ')}: ${event.error.message[lang]}`;
    case 'waiting':
      return event.message[lang];
    case 'outcome-unknown':
      return event.error.message[lang];
    case 'reconciled':
      return ru ? `Проверено в CallGear: найдено ${event.found}, отправляется повторно ${event.missing}.` : `Checked in CallGear: ${event.found} found, ${event.missing} to send again.`;
    case 'needs-decision':
      return [
        event.error.message[lang],
        `${ru ? 'Под вопросом чаты в строках' : 'In doubt: the chats on rows'} ${event.chats.map((c) => c.rows[0]).join(', ')}.`,
        ru
          ? 'Проверьте их в CallGear, затем запустите снова с --in-doubt resend (возможен дубликат) или --in-doubt uploaded (возможна потеря).'
          : 'Check them in CallGear, then run again with --in-doubt resend (may duplicate) or --in-doubt uploaded (may lose them).',
      ].join('\n');
    case 'stopped':
    case 'undo-stopped':
      return event.error.message[lang];
    case 'finished':
    case 'cancelled': {
      const s = event.summary;
      const head = event.type === 'finished' ? (ru ? 'Готово' : 'Done') : ru ? 'Отменено' : 'Cancelled';
      return ru
        ? `${head}: принято ${s.accepted}, отклонено ${s.rejected}, пропущено ${s.skipped}, неизвестно ${s.unknown}, не отправлено ${s.pending}; запросов ${s.requests}; ${(s.tookMs / 1000).toFixed(1)} с${s.points === undefined ? '' : `; баллов ${s.points}`}.`
        : `${head}: accepted ${s.accepted}, rejected ${s.rejected}, skipped ${s.skipped}, unknown ${s.unknown}, not sent ${s.pending}; ${s.requests} requests; ${(s.tookMs / 1000).toFixed(1)} s${s.points === undefined ? '' : `; ${s.points} points`}.`;
    }
    case 'undo-finished':
      return ru ? `Удалено чатов: ${event.counts.deleted}, не удалось: ${event.counts.failed}.` : `Deleted ${event.counts.deleted} chats; ${event.counts.failed} could not be deleted.`;
    case 'chat-not-deleted':
      return `${event.id}: ${event.error.message[lang]}`;
    default:
      return undefined;
  }
}
