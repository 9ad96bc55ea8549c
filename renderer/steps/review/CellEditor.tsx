import { useState } from 'react';

interface CellEditorProps {
  initial: string;
  label: string;
  onCommit(value: string): void;
  onCancel(): void;
}

/** In-place editing: Enter keeps the new value, Escape (or leaving the cell) drops it. */
export function CellEditor({ initial, label, onCommit, onCancel }: CellEditorProps) {
  const [value, setValue] = useState(initial);
  return (
    <input
      className="cell-editor"
      aria-label={label}
      autoFocus
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={onCancel}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          onCommit(value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    />
  );
}
