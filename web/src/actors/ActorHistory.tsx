import { actorHistory } from '../../../src/modules/actors/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { useEnumLabel, useFieldLabel } from './labels';

const maxLength = 160;

/** Changes are listed in the form's order. */
const fieldOrder = [
  'name',
  'family',
  'subtype',
  'companySize',
  'companyStatus',
  'description',
  'address',
  'postalCode',
  'communeCode',
  'website',
  'email',
  'phone',
  'rna',
  'siren',
  'siret',
  'themes',
  'sdgs',
  'contributions',
  'contributionsText',
  'benefits',
  'benefitsText',
  'fieldVisibility',
  'people',
];
const rank = (field: string) => {
  const i = fieldOrder.indexOf(field);
  return i === -1 ? fieldOrder.length : i;
};

function useValueText() {
  const { t, locale } = useI18n();
  const ref = useReference();
  const enumLabel = useEnumLabel();
  const fieldLabel = useFieldLabel();
  const text = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      return t('history.empty');
    }
    if (Array.isArray(value)) {
      return value
        .map((v) => {
          if (field === 'themes') return ref.themeLabel(String(v));
          if (field === 'sdgs') return `${t('actor.sdgShort')} ${v}`;
          if (field === 'contributions' || field === 'benefits') return ref.itemLabel(String(v));
          return typeof v === 'object' ? JSON.stringify(v) : String(v);
        })
        .join(', ');
    }
    if (typeof value === 'object') {
      if (field === 'fieldVisibility') {
        return Object.entries(value as Record<string, string>)
          .map(([k, v]) => `${fieldLabel(k)} : ${enumLabel('visibility', v)}`)
          .join(', ');
      }
      return JSON.stringify(value);
    }
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'number') return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(value);
    const s = String(value);
    if (field === 'family') return enumLabel('family', s);
    if (field === 'subtype') return enumLabel('subtype', s);
    if (field === 'companySize') return enumLabel('companySize', s);
    if (field === 'companyStatus') return enumLabel('companyStatus', s);
    if (field === 'communeCode') return ref.communeName(s) ?? s;
    return s;
  };
  return (field: string, value: unknown) => {
    const s = text(field, value);
    return s.length > maxLength ? `${s.slice(0, maxLength - 1)}…` : s;
  };
}

/** Every change of an actor: when, who, what (GET /api/v1/actors/:id/history). */
export function ActorHistory({ actorId }: { actorId: string }) {
  const { t, formatDateTime } = useI18n();
  const fieldLabel = useFieldLabel();
  const enumLabel = useEnumLabel();
  const valueText = useValueText();
  const history = useApiQuery(actorHistory, { params: { id: actorId } });
  return (
    <section className="card history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.title')}</h2>
      {history.loading && !history.data ? <Loading /> : null}
      {history.error ? <ApiErrorAlert error={history.error} /> : null}
      {history.data && history.data.items.length === 0 ? <p className="muted">{t('history.none')}</p> : null}
      {history.data && history.data.items.length > 0 ? (
        <ol className="history-list">
          {history.data.items.map((entry) => {
            const changes = Object.entries(entry.changes).sort(([a], [b]) => rank(a) - rank(b));
            return (
              <li key={entry.id}>
                <p className="history-when">
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  {' · '}
                  <span>{entry.userName ?? t('history.unknownUser')}</span>
                  {' · '}
                  <strong>{enumLabel('history.action', entry.action)}</strong>
                </p>
                {changes.length > 0 ? (
                  <ul className="history-changes">
                    {changes.map(([field, [before, after]]) => (
                      <li key={field}>
                        <span className="history-field">{fieldLabel(field)}</span> :{' '}
                        {entry.action === 'create' ? (
                          <span>{valueText(field, after)}</span>
                        ) : (
                          <>
                            <del>
                              <span className="visually-hidden">{t('history.before')} </span>
                              {valueText(field, before)}
                            </del>{' '}
                            <span aria-hidden="true">→</span>{' '}
                            <ins>
                              <span className="visually-hidden">{t('history.after')} </span>
                              {valueText(field, after)}
                            </ins>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
