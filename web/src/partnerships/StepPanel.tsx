import { type FormEvent, useState } from 'react';
import { type PartnershipDetail, type StepRecord, updateStepRecord } from '../../../src/modules/partnerships/contract';
import { callApi } from '../api/client';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';

/**
 * One step's record: its checklist (each box saved as soon as it is ticked), its dates and notes (saved with the
 * button). Read-only for observers and the public; the public sees no notes.
 */
export function StepPanel({
  partnershipId,
  record,
  canEdit,
  showNotes,
  onSaved,
  onError,
}: {
  partnershipId: string;
  record: StepRecord;
  canEdit: boolean;
  showNotes: boolean;
  onSaved(p: PartnershipDetail): void;
  onError(e: unknown): void;
}) {
  const { t, formatDate } = useI18n();
  const [startedOn, setStartedOn] = useState(record.startedOn ?? '');
  const [completedOn, setCompletedOn] = useState(record.completedOn ?? '');
  const [notes, setNotes] = useState(record.notes);
  const [saving, setSaving] = useState(false);
  // Ticks show at once; the saved record (or a refusal) follows.
  const [checklist, setChecklist] = useState(record.checklist);

  const save = async (next = checklist) => {
    setSaving(true);
    setChecklist(next);
    try {
      onSaved(
        await callApi(updateStepRecord, {
          params: { id: partnershipId, step: record.step },
          body: { checklist: next, startedOn, completedOn, notes },
        }),
      );
    } catch (e) {
      setChecklist(record.checklist);
      onError(e);
    } finally {
      setSaving(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  const headingId = `step-${record.step}-heading`;

  return (
    <section className="step-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`step.${record.step}`)}</h3>
      <fieldset className="checklist" disabled={!canEdit}>
        <legend>{t('partnership.page.checklist')}</legend>
        {checklist.length === 0 ? <p className="muted">{t('partnership.page.noChecklist')}</p> : null}
        {checklist.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: checklist items have no id; their position is their identity
          <label key={`${i}-${item.label}`} className="checkbox">
            <input
              type="checkbox"
              checked={item.done}
              onChange={(e) => void save(checklist.map((x, j) => (j === i ? { ...x, done: e.target.checked } : x)))}
            />
            {item.label}
          </label>
        ))}
      </fieldset>
      {canEdit ? (
        <form onSubmit={submit} className="step-record-form">
          <div className="grid-2">
            <Field id={`${record.step}-started`} label={t('partnership.page.startedOn')}>
              {(control) => (
                <input {...control} type="date" value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />
              )}
            </Field>
            <Field id={`${record.step}-completed`} label={t('partnership.page.completedOn')}>
              {(control) => (
                <input {...control} type="date" value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} />
              )}
            </Field>
          </div>
          <Field id={`${record.step}-notes`} label={t('partnership.page.notes')}>
            {(control) => <textarea {...control} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />}
          </Field>
          <button type="submit" className="button button-secondary" disabled={saving}>
            {t('partnership.page.saveStep')}
          </button>
        </form>
      ) : (
        <>
          <dl className="facts facts-inline">
            {record.startedOn ? (
              <div>
                <dt>{t('partnership.page.startedOn')}</dt>
                <dd>{formatDate(record.startedOn)}</dd>
              </div>
            ) : null}
            {record.completedOn ? (
              <div>
                <dt>{t('partnership.page.completedOn')}</dt>
                <dd>{formatDate(record.completedOn)}</dd>
              </div>
            ) : null}
          </dl>
          {showNotes && record.notes ? (
            <>
              <h4>{t('partnership.page.notes')}</h4>
              <p className="description">{record.notes}</p>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
