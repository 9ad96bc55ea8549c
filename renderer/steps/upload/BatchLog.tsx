import type { UploadEvent } from '../../../main/contract/upload-events.ts';
import { useLanguage } from '../../i18n/language.tsx';

/** What happened, newest first: accepted batches, rejected chats with the reason, waits. */
export function BatchLog({ log }: { log: UploadEvent[] }) {
  const { t } = useLanguage();
  return (
    <section className="batch-log" aria-labelledby="batch-log-title">
      <h2 id="batch-log-title">{t.upload.log}</h2>
      {log.length === 0 ? (
        <p className="empty">{t.upload.logEmpty}</p>
      ) : (
        <div role="log" tabIndex={0} aria-labelledby="batch-log-title" className="log-scroll">
          <ol reversed>
            {[...log].reverse().map((event, index) => (
              <li key={log.length - index}>
                <LogLine event={event} />
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

function LogLine({ event }: { event: UploadEvent }) {
  const { t, lang } = useLanguage();
  switch (event.type) {
    case 'batch-accepted':
      return <span>{t.upload.lines.accepted(event.batch, event.chats)}</span>;
    case 'chat-rejected':
      return <span className="log-error">{t.upload.lines.rejected(event.batch, event.rows.join(', '), event.error.message[lang])}</span>;
    case 'outcome-unknown':
      return <span className="log-warning">{t.upload.lines.unknown(event.batch, event.chats, event.error.message[lang])}</span>;
    case 'waiting':
      return <span>{event.message[lang]}</span>;
    case 'reconciled':
      return <span>{t.upload.lines.reconciled(event.found, event.missing)}</span>;
    case 'needs-decision':
    case 'stopped':
      return <span className="log-error">{event.error.message[lang]}</span>;
    default:
      return <span>{t.upload.lines[event.type]}</span>;
  }
}
