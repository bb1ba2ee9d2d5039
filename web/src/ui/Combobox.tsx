import { type ReactNode, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { Field } from './Field';

export interface ComboOption {
  value: string;
  label: string;
  detail?: string;
}

interface ComboboxProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  inputValue: string;
  onInputChange(text: string): void;
  options: ComboOption[];
  loading?: boolean;
  onSelect(option: ComboOption): void;
  onBlur?(): void;
  /** Whether the current text is a finished choice (then the list stays closed until the text changes). */
  selected?: boolean;
  placeholder?: string;
  autoComplete?: string;
}

/**
 * An editable combobox with a list popup (WAI-ARIA APG pattern): type to search, arrows to move, Enter to choose,
 * Escape to close. The options come from the caller (usually an API search on the debounced text).
 */
export function Combobox(props: ComboboxProps) {
  const { t, formatNumber } = useI18n();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { options, inputValue, selected } = props;
  const showList = open && !selected && inputValue.trim().length > 0;

  useEffect(() => {
    if (active >= options.length) setActive(options.length - 1);
  }, [options.length, active]);

  const choose = (option: ComboOption) => {
    props.onSelect(option);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i + 1) % options.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
    } else if (e.key === 'Enter') {
      const option = showList ? options[active] : undefined;
      if (option) {
        e.preventDefault();
        choose(option);
      }
    } else if (e.key === 'Escape') {
      if (showList) e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  let status = '';
  if (showList) {
    if (props.loading && options.length === 0) status = t('common.loading');
    else if (options.length === 0) status = t('combobox.none');
    else status = t('combobox.count', { count: formatNumber(options.length) });
  }

  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      {(control) => (
        <div className="combobox">
          <input
            {...control}
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
            autoComplete={props.autoComplete ?? 'off'}
            placeholder={props.placeholder}
            value={inputValue}
            onChange={(e) => {
              props.onInputChange(e.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              setOpen(false);
              setActive(-1);
              props.onBlur?.();
            }}
          />
          <div
            id={listId}
            role="listbox"
            aria-label={typeof props.label === 'string' ? props.label : undefined}
            hidden={!showList || options.length === 0}
            className="combobox-list"
          >
            {options.map((option, i) => (
              // The focus stays in the input (aria-activedescendant): options are chosen with the arrows and Enter.
              // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: APG combobox pattern
              <div
                key={option.value}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(option)}
                onMouseMove={() => setActive(i)}
              >
                <span>{option.label}</span>
                {option.detail ? <span className="combobox-detail">{option.detail}</span> : null}
              </div>
            ))}
          </div>
          <span className="visually-hidden" role="status">
            {status}
          </span>
        </div>
      )}
    </Field>
  );
}
