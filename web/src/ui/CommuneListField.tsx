import { type ReactNode, useState } from 'react';
import { type CommuneChoice, CommuneField } from './CommuneField';

export interface ChosenCommune {
  code: string;
  name: string;
}

/**
 * A list of communes built one at a time: a commune field that adds what is chosen (once), and the chosen communes
 * as buttons that remove them. The fieldset carries `id` so that a server issue on the list can focus it.
 */
export function CommuneListField({
  id,
  inputId,
  legend,
  hint,
  communes,
  onChange,
  error,
  removeLabel,
  classes = {},
}: {
  id: string;
  inputId: string;
  legend: ReactNode;
  hint?: ReactNode;
  communes: ChosenCommune[];
  onChange(communes: ChosenCommune[]): void;
  error?: string | undefined;
  /** Spoken name of the remove button, e.g. « Retirer Pertuis ». */
  removeLabel(name: string): string;
  classes?: { fieldset?: string; input?: string; list?: string };
}) {
  const [commune, setCommune] = useState<CommuneChoice>({ code: null, text: '' });
  return (
    <fieldset className={classes.fieldset} id={id}>
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className={classes.input}>
        <CommuneField
          id={inputId}
          value={commune}
          error={error}
          onChange={(choice) => {
            if (choice.code && !communes.some((c) => c.code === choice.code)) {
              onChange([...communes, { code: choice.code, name: choice.text }]);
              setCommune({ code: null, text: '' });
            } else setCommune(choice);
          }}
        />
      </div>
      {communes.length > 0 ? (
        <ul className={classes.list}>
          {communes.map((c) => (
            <li key={c.code}>
              <button
                type="button"
                className="active-filter"
                onClick={() => onChange(communes.filter((x) => x.code !== c.code))}
              >
                {c.name}
                <span aria-hidden="true"> ×</span>
                <span className="visually-hidden"> ({removeLabel(c.name)})</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
