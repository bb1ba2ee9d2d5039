import type { ReactNode } from 'react';
import { Field } from './Field';

interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  /** One line (the default), a text area of `rows` lines, or a date (`YYYY-MM-DD`). */
  kind?: 'text' | 'textarea' | 'date';
  rows?: number;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  /** The earliest date of a date field (none when empty). */
  min?: string | undefined;
  maxLength?: number;
  inputMode?: 'decimal';
}

/** A Field with one text input, text area or date input bound to a string. */
export function TextField({
  value,
  onChange,
  kind = 'text',
  rows = 2,
  min,
  maxLength,
  inputMode,
  ...field
}: TextFieldProps) {
  return (
    <Field {...field}>
      {(control) =>
        kind === 'textarea' ? (
          <textarea
            {...control}
            rows={rows}
            value={value}
            maxLength={maxLength}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            {...control}
            type={kind === 'date' ? 'date' : undefined}
            value={value}
            min={min || undefined}
            maxLength={maxLength}
            inputMode={inputMode}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </Field>
  );
}
