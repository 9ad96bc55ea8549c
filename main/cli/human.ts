import type { ColumnProfile } from '../sheet/types.ts';
import type { Finding } from '../chats/findings.ts';
import type { Output } from './commands.ts';
import type { Text } from '../common/text.ts';

export type Lang = keyof Text;

const t = (lang: Lang, en: string, ru: string): string => (lang === 'ru' ? ru : en);

export function printInspect(
  report: {
    file: string;
    format: string;
    text?: { encoding: string; delimiter: string; encodingGuessed: boolean };
    sheets: { name: string; hidden: boolean; rows: number }[];
    sheet: string;
    headerRow: number;
    rows: number;
    columns: ColumnProfile[];
    mapping: { layout: { kind: string } };
    confidence: Record<string, number>;
    reasons: Record<string, Text>;
  },
  { out, lang }: Output,
): void {
  out(`${report.file} (${report.format})`);
  if (report.text) {
    const delimiter = report.text.delimiter === '\t' ? 'tab' : report.text.delimiter;
    out(t(lang, `  encoding ${report.text.encoding}, delimiter ${delimiter}`, `  кодировка ${report.text.encoding}, разделитель ${delimiter}`));
  }
  for (const s of report.sheets) {
    out(`  ${s.name === report.sheet ? '*' : ' '} ${s.name}${s.hidden ? t(lang, ' (hidden)', ' (скрыт)') : ''}: ${s.rows} ${t(lang, 'rows', 'строк')}`);
  }
  out(t(lang, `Header row ${report.headerRow}, ${report.rows} data rows`, `Строка заголовков ${report.headerRow}, строк данных: ${report.rows}`));
  out(t(lang, 'Columns:', 'Столбцы:'));
  for (const c of report.columns) {
    out(`  ${c.header.padEnd(24)} ${c.kind.padEnd(8)} ${Math.round(c.fillRate * 100)}%  ${c.samples.slice(0, 3).join(' | ')}`);
  }
  out(t(lang, `Suggested mapping (layout ${report.mapping.layout.kind}):`, `Предлагаемое сопоставление (раскладка ${report.mapping.layout.kind}):`));
  const mapping = report.mapping as unknown as { chat: Record<string, unknown>; message: Record<string, unknown> };
  for (const [field, source] of [...Object.entries(mapping.chat), ...Object.entries(mapping.message)]) {
    const s = source as { kind: string; column?: string; value?: unknown };
    if (s.kind === 'none') continue;
    const what = s.kind === 'column' ? `"${s.column}"` : `= ${String(s.value)}`;
    const confidence = Math.round((report.confidence[field] ?? 0) * 100);
    out(`  ${field.padEnd(20)} ← ${what} (${confidence}%)`);
  }
}

export function printValidation(
  report: {
    file: string;
    sheet: string;
    headerRow: number;
    counts: { rows: number; blankRows: number; chats: number; validChats: number; blockedChats: number; errors: number; warnings: number };
    byCode: Record<string, { severity: string; count: number }>;
    dateOrders: Partial<Record<string, { order: string; evidence?: Text } | undefined>>;
    findings: Finding[];
    batches?: { dir: string; batches: number; chats: number };
  },
  total: number,
  { out, lang }: Output,
): void {
  const c = report.counts;
  out(`${report.file} · ${t(lang, 'sheet', 'лист')} "${report.sheet}" · ${t(lang, 'header row', 'строка заголовков')} ${report.headerRow}`);
  out(
    t(
      lang,
      `Rows ${c.rows} (${c.blankRows} blank) · chats ${c.chats} · ready ${c.validChats} · blocked ${c.blockedChats} · errors ${c.errors} · warnings ${c.warnings}`,
      `Строк ${c.rows} (пустых ${c.blankRows}) · чатов ${c.chats} · готово ${c.validChats} · заблокировано ${c.blockedChats} · ошибок ${c.errors} · предупреждений ${c.warnings}`,
    ),
  );
  for (const [field, order] of Object.entries(report.dateOrders)) {
    if (order) out(`${t(lang, 'Dates in', 'Даты в')} ${field}: ${order.order}${order.evidence ? ` — ${order.evidence[lang]}` : ''}`);
  }
  const codes = Object.entries(report.byCode).sort((a, b) => b[1].count - a[1].count);
  if (codes.length) out(t(lang, 'Problems by rule:', 'Проблемы по правилам:'));
  for (const [code, { severity, count }] of codes) out(`  ${severity.padEnd(8)} ${code.padEnd(26)} ${count}`);
  for (const f of report.findings) {
    const rows = f.rows.length > 3 ? `${f.rows.slice(0, 3).join(', ')}…` : f.rows.join(', ');
    out(`  ${t(lang, 'row', 'строка')} ${rows}: [${f.code}] ${f.message[lang]}`);
  }
  if (total > report.findings.length) {
    out(t(lang, `…and ${total - report.findings.length} more (use --json for all).`, `…и ещё ${total - report.findings.length} (все — с --json).`));
  }
  if (report.batches) {
    out(
      t(
        lang,
        `Wrote ${report.batches.batches} batch file(s) with ${report.batches.chats} chats to ${report.batches.dir}`,
        `Записано пакетов: ${report.batches.batches}, чатов: ${report.batches.chats} — в ${report.batches.dir}`,
      ),
    );
  }
}
