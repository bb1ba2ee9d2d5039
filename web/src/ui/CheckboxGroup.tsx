import type { ReactNode } from 'react';
import { Swatch } from './chips';
import { errorId, FieldError } from './Field';

export interface CheckboxOption {
  value: string;
  label: string;
  /** A coloured badge before the label (an SDG's number on its colour). */
  swatch?: { colour: string; text: string };
}

/** A form's group of checkboxes (themes, SDGs, modes…) with its legend and the group's error. */
export function CheckboxGroup({
  id,
  legend,
  options,
  selected,
  onChange,
  error,
  required,
  className,
}: {
  id: string;
  legend: ReactNode;
  options: CheckboxOption[];
  selected: string[];
  onChange(values: string[]): void;
  error?: string | undefined;
  required?: boolean;
  /** Added to the list of options. */
  className?: string;
}) {
  return (
    <fieldset
      className={`checkbox-group${error ? ' field-invalid' : ''}`}
      id={id}
      aria-describedby={error ? errorId(id) : undefined}
    >
      <legend>
        {legend}
        {required ? (
          <>
            {' '}
            <span className="required" aria-hidden="true">
              *
            </span>
          </>
        ) : null}
      </legend>
      <ul className={`checkbox-options${className ? ` ${className}` : ''}`}>
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          const checked = selected.includes(o.value);
          return (
            <li key={o.value}>
              <input
                type="checkbox"
                id={optionId}
                checked={checked}
                aria-invalid={error ? true : undefined}
                onChange={() => onChange(checked ? selected.filter((v) => v !== o.value) : [...selected, o.value])}
              />
              <label htmlFor={optionId}>
                {o.swatch ? <Swatch colour={o.swatch.colour}>{o.swatch.text}</Swatch> : null}
                {o.label}
              </label>
            </li>
          );
        })}
      </ul>
      {error ? <FieldError id={errorId(id)}>{error}</FieldError> : null}
    </fieldset>
  );
}
