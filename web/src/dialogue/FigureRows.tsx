import { useI18n } from '../i18n';
import { TextField } from '../ui/TextField';

export interface FigureRow {
  key: string;
  label: string;
  value: string;
  source: string;
}

/** The challenge's key figures: label, value and source, as many rows as wanted (up to 12). */
export function FigureRows({
  rows,
  onChange,
  errorOf,
  newRow,
}: {
  rows: FigureRow[];
  onChange(rows: FigureRow[]): void;
  errorOf(field: string): string | undefined;
  newRow(): FigureRow;
}) {
  const { t } = useI18n();
  const update = (key: string, patch: Partial<FigureRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="form-section dialogue-figures" id="figures">
      <legend>{t('dialogue.form.figures')}</legend>
      <ol>
        {rows.map((row, i) => {
          const n = i + 1;
          return (
            <li key={row.key} className="dialogue-figure-row">
              <TextField
                id={`figures-${i}-label`}
                label={t('dialogue.form.figureLabel', { n })}
                value={row.label}
                onChange={(label) => update(row.key, { label })}
                error={errorOf(`figures.${i}.label`)}
                required
              />
              <TextField
                id={`figures-${i}-value`}
                label={t('dialogue.form.figureValue', { n })}
                value={row.value}
                onChange={(value) => update(row.key, { value })}
                error={errorOf(`figures.${i}.value`)}
                required
              />
              <TextField
                id={`figures-${i}-source`}
                label={t('dialogue.form.figureSource', { n })}
                value={row.source}
                onChange={(source) => update(row.key, { source })}
                error={errorOf(`figures.${i}.source`)}
              />
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              >
                {t('dialogue.form.removeFigure', { n })}
              </button>
            </li>
          );
        })}
      </ol>
      {rows.length < 12 ? (
        <button type="button" className="button button-secondary" onClick={() => onChange([...rows, newRow()])}>
          {t('dialogue.form.addFigure')}
        </button>
      ) : null}
    </fieldset>
  );
}
