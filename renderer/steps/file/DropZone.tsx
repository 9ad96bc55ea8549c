import { useState, type DragEvent, type ReactNode } from 'react';
import { fileKind } from '../../../main/common/file-kinds.ts';
import { api } from '../../api.ts';
import { useLanguage } from '../../i18n/language.tsx';

type Refusal = { kind: 'not-a-file' } | { kind: 'several' } | { kind: 'unsupported'; name: string };

interface DropZoneProps {
  disabled: boolean;
  onSpreadsheet(path: string): void;
  onProject(path: string): void;
  /** The keyboard's way to the same thing: the Open button. */
  children: ReactNode;
}

/** Where a spreadsheet or a project file can be dropped; anything else is refused in words. */
export function DropZone({ disabled, onSpreadsheet, onProject, children }: DropZoneProps) {
  const { t } = useLanguage();
  const [over, setOver] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | undefined>();

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = [...event.dataTransfer.files];
    const file = files[0];
    if (files.length > 1) return setRefusal({ kind: 'several' });
    // Electron gives the path of a file from disk only; a dragged link or text has none.
    const path = file === undefined ? '' : api().pathForFile(file);
    if (file === undefined || path === '') return setRefusal({ kind: 'not-a-file' });
    const kind = fileKind(path);
    if (kind === undefined) return setRefusal({ kind: 'unsupported', name: file.name });
    setRefusal(undefined);
    if (kind === 'project') onProject(path);
    else onSpreadsheet(path);
  };
  const leave = (event: DragEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
  };
  const refused = refusal === undefined ? undefined : refusal.kind === 'not-a-file' ? t.drop.notAFile : refusal.kind === 'several' ? t.drop.oneAtATime : t.drop.unsupported(refusal.name);

  return (
    <div
      className={over ? 'drop-zone drop-over' : 'drop-zone'}
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={leave}
      onDrop={drop}
    >
      {children}
      <p className="drop-hint">{over ? t.drop.active : t.drop.zone}</p>
      {refused !== undefined && (
        <p className="note note-error" role="alert" data-code="file.drop_unsupported">
          {refused}
        </p>
      )}
    </div>
  );
}
