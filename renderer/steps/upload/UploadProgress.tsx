import { useEffect, useState } from 'react';
import type { UploadRunState } from '../../app/runs.ts';
import { useLanguage } from '../../i18n/language.tsx';

/** Redraws once a second while waiting, so the countdown moves. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function UploadProgress({ run }: { run: UploadRunState }) {
  const { t, lang } = useLanguage();
  const p = run.progress;
  const phase = run.phase;
  const now = useNow(phase.kind === 'waiting');
  const moving = phase.kind === 'running' || phase.kind === 'waiting';
  const done = p === undefined ? 0 : p.accepted + p.rejected + p.skipped;
  const total = p?.total ?? 0;
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="upload-progress">
      <p className="upload-phase" role="status" data-testid="upload-phase">
        {t.upload.phase[phase.kind]}
        {phase.kind === 'waiting' && ` ${phase.message[lang]} ${t.upload.waitLeft(Math.max(0, Math.ceil((phase.until - now) / 1000)))}`}
      </p>
      <progress max={100} value={percent} aria-label={t.upload.progressLabel(percent)} />
      <dl className="summary-tiles">
        <Tile label={t.upload.accepted} value={p?.accepted} tone="ok" testId="accepted" />
        <Tile label={t.upload.rejected} value={p?.rejected} tone={p && p.rejected > 0 ? 'error' : ''} testId="rejected" />
        <Tile label={t.upload.unknown} value={p?.unknown} tone={p && p.unknown > 0 ? 'warning' : ''} testId="unknown" />
        <Tile label={t.upload.pending} value={p?.pending} tone="" testId="pending" />
        <Tile label={t.upload.requests} value={p?.requests} tone="" testId="requests" />
      </dl>
      {/* Speed and time left mean something only while chats are moving; the line keeps its place. */}
      <p className="upload-rate">
        {moving && (p !== undefined && p.rate > 0 ? t.upload.rate(Math.round(p.rate * 10) / 10) : t.upload.noRate)}
        {moving && p?.etaSeconds !== undefined && ` · ${t.upload.eta(Math.ceil(p.etaSeconds))}`}
      </p>
    </div>
  );
}

function Tile({ label, value, tone, testId }: { label: string; value: number | undefined; tone: string; testId: string }) {
  return (
    <div className={`tile ${tone ? `tile-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{(value ?? 0).toLocaleString()}</dd>
    </div>
  );
}
