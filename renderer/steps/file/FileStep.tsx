import { useEffect, useRef, useState } from 'react';
import { fileKind } from '../../../main/common/file-kinds.ts';
import type { ProblemView } from '../../../main/contract/api.ts';
import type { TableSummaryView, WorkbookSummaryView } from '../../../main/contract/engine.ts';
import type { Mapping } from '../../../main/mapping/model.ts';
import { api } from '../../api.ts';
import type { Chosen, Step, WizardAction } from '../../app/wizard.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useProject } from '../../project/context.ts';
import { EngineProgress } from '../../ui/EngineProgress.tsx';
import { ProblemNote } from '../../ui/ProblemNote.tsx';
import { StepLayout } from '../../ui/StepLayout.tsx';
import { useAppEvents } from '../../ui/useAppEvents.ts';
import { DropZone } from './DropZone.tsx';
import { RecentProjects } from './RecentProjects.tsx';
import { SheetChoice } from './SheetChoice.tsx';
import { TextOptions, type TextSettings } from './TextOptions.tsx';

type Opened =
  | { kind: 'none' }
  | { kind: 'busy'; label: string; workbook?: WorkbookSummaryView }
  | { kind: 'failed'; problem: ProblemView; workbook?: WorkbookSummaryView }
  | { kind: 'open'; workbook: WorkbookSummaryView };

interface FileStepProps {
  state: Extract<Step, { step: 'file' }>;
  dispatch: (action: WizardAction) => void;
  back: (() => void) | undefined;
}

/** The zone this computer is in: the usual zone of a file typed or exported here. */
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function firstMapping(table: TableSummaryView, chosen: Chosen): Mapping {
  const suggested = table.suggestion.mapping;
  return { ...suggested, options: { ...suggested.options, fileTimeZone: localZone(), accountTimeZone: chosen.timezone ?? localZone() } };
}

export function FileStep({ state, dispatch, back }: FileStepProps) {
  const { t, lang } = useLanguage();
  const project = useProject();
  const [opened, setOpened] = useState<Opened>({ kind: 'none' });
  const [choice, setChoice] = useState<{ sheet: string; headerRow: number } | undefined>();
  const workbook = opened.kind === 'none' ? undefined : opened.workbook;

  const show = (opened: WorkbookSummaryView) => {
    setOpened({ kind: 'open', workbook: opened });
    const sheet = opened.sheets.find((s) => !s.hidden && s.rows > 0) ?? opened.sheets[0];
    setChoice(sheet === undefined ? undefined : { sheet: sheet.name, headerRow: sheet.headerRow });
  };
  const keep = workbook === undefined ? {} : { workbook };

  const open = async (path?: string) => {
    setOpened({ kind: 'busy', label: t.file.opening, ...keep });
    const reply = await api().openFile(path === undefined ? {} : { path });
    if (!reply.ok) return setOpened({ kind: 'failed', problem: reply.error, ...keep });
    // null: the person closed the dialog without choosing; what was open stays open.
    if (reply.value === null) return setOpened(workbook === undefined ? { kind: 'none' } : { kind: 'open', workbook });
    show(reply.value);
  };
  // A spreadsheet handed over while another step was on screen (useOutsideFiles).
  const openOnShow = useRef(state.opening);
  useEffect(() => {
    const opening = openOnShow.current;
    openOnShow.current = undefined;
    if (opening !== undefined) void open(opening.path);
  });
  useAppEvents((event) => {
    // Projects given to the app are the project bar's to open.
    if (event.type === 'open-file' && fileKind(event.path) !== 'project') void open(event.path);
    if (event.type === 'menu' && event.command === 'open-spreadsheet') void open();
  });

  const reopen = async (settings: TextSettings) => {
    setOpened({ kind: 'busy', label: t.file.reopening, ...keep });
    const reply = await api().reopenFile(settings);
    if (!reply.ok) return setOpened({ kind: 'failed', problem: reply.error, ...keep });
    show(reply.value);
  };

  const next = async () => {
    if (choice === undefined || workbook === undefined) return;
    setOpened({ kind: 'busy', label: t.file.reading, workbook });
    const table = await api().selectSheet(choice);
    if (!table.ok) return setOpened({ kind: 'failed', problem: table.error, workbook });
    setOpened({ kind: 'open', workbook });
    dispatch({ type: 'go', to: { step: 'mapping', chosen: state.chosen, workbook, table: table.value, mapping: firstMapping(table.value, state.chosen) } });
  };

  const busy = opened.kind === 'busy';
  return (
    <StepLayout
      title={t.file.title}
      intro={t.file.intro}
      back={back}
      actions={
        <button type="button" className="primary" disabled={busy || choice === undefined || workbook === undefined} onClick={() => void next()}>
          {t.continue} →
        </button>
      }
    >
      <DropZone disabled={busy} onSpreadsheet={(path) => void open(path)} onProject={project.open}>
        <div className="file-open">
          <button type="button" className={workbook ? '' : 'primary'} onClick={() => void open()} disabled={busy}>
            {workbook ? t.file.openOther : t.file.open}
          </button>
          {workbook !== undefined && (
            <p className="file-name">
              <strong>{workbook.file}</strong> · {workbook.format.toUpperCase()}
            </p>
          )}
        </div>
      </DropZone>
      {opened.kind === 'none' && <p className="empty">{t.file.empty}</p>}
      {opened.kind === 'busy' && <EngineProgress label={opened.label} />}
      {opened.kind === 'failed' && <ProblemNote problem={opened.problem} />}
      {workbook !== undefined && (
        <>
          {workbook.notes.map((note, index) => (
            <p key={index} className="note note-warning">
              {note.sheet !== undefined && `${note.sheet}: `}
              {note.message[lang]}
            </p>
          ))}
          {workbook.text !== undefined && <TextOptions text={workbook.text} disabled={busy} onChange={(settings) => void reopen(settings)} />}
          {choice !== undefined && <SheetChoice workbook={workbook} choice={choice} onChange={setChoice} />}
        </>
      )}
      <RecentProjects />
    </StepLayout>
  );
}
