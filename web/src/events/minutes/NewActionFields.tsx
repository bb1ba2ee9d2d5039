// The « Créer une action du plan » part of the minutes form: programme, title (the decision's text unless changed),
// due date, owner organisation, and the phase and territory of that programme.
import type { EventDetail } from '../../../../src/modules/events/contract';
import type { MinuteItemInput } from '../../../../src/modules/events/minutes/contract';
import { programmeRoutes } from '../../../../src/modules/programmes/contract';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { type ActorChoice, ActorPicker } from '../../ui/ActorPicker';
import { Field } from '../../ui/Field';

export interface NewActionValues {
  programmeId: string;
  /** null: the decision's text. */
  title: string | null;
  dueOn: string;
  owner: ActorChoice;
  phaseId: string;
  territoryId: string;
}

/** The event's own programme, territory and phase, when it has them. */
export const newActionDefaults = (event: EventDetail): NewActionValues => ({
  programmeId: event.programme?.id ?? '',
  title: null,
  dueOn: '',
  owner: { id: null, text: '' },
  phaseId: event.programme?.phaseId ?? '',
  territoryId: event.programme?.territoryId ?? '',
});

export function newActionBody(v: NewActionValues, text: string): NonNullable<MinuteItemInput['newAction']> {
  return {
    programmeId: v.programmeId,
    action: {
      title: v.title ?? text,
      dueOn: v.dueOn || null,
      ownerActorId: v.owner.id,
      phaseId: v.phaseId || null,
      territoryId: v.territoryId || null,
    },
  };
}

export function NewActionFields({
  text,
  values,
  onChange,
  errors,
}: {
  text: string;
  values: NewActionValues;
  onChange(values: NewActionValues): void;
  /** Server errors by field path (`newAction.action.title`). */
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  const programmes = useApiQuery(programmeRoutes.list, {});
  const programme = useApiQuery(
    programmeRoutes.get,
    { params: { id: values.programmeId } },
    { enabled: values.programmeId !== '' },
  );
  const detail = programme.data?.id === values.programmeId ? programme.data : undefined;
  const set = (patch: Partial<NewActionValues>) => onChange({ ...values, ...patch });
  const err = (field: string) => errors[`newAction.action.${field}`];
  const list = programmes.data?.items ?? [];
  return (
    <fieldset className="minutes-action">
      <legend>{t('event-minutes.actionLegend')}</legend>
      {programmes.data && list.length === 0 ? <p className="muted">{t('event-minutes.noProgramme')}</p> : null}
      <Field
        id="minutes-programme"
        label={t('event-minutes.programme')}
        required
        error={errors['newAction.programmeId']}
      >
        {(control) => (
          <select
            {...control}
            value={values.programmeId}
            onChange={(e) => set({ programmeId: e.target.value, phaseId: '', territoryId: '' })}
          >
            <option value="">{t('event-minutes.chooseProgramme')}</option>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="minutes-action-title" label={t('event-minutes.actionTitle')} required error={err('title')}>
        {(control) => (
          <input
            {...control}
            maxLength={300}
            value={values.title ?? text}
            onChange={(e) => set({ title: e.target.value })}
          />
        )}
      </Field>
      <Field id="minutes-action-due" label={t('event-minutes.dueOn')} error={err('dueOn')}>
        {(control) => (
          <input {...control} type="date" value={values.dueOn} onChange={(e) => set({ dueOn: e.target.value })} />
        )}
      </Field>
      <ActorPicker
        id="minutes-action-owner"
        label={t('event-minutes.owner')}
        value={values.owner}
        onChange={(owner) => set({ owner })}
        error={err('ownerActorId')}
      />
      <Field id="minutes-action-phase" label={t('event-minutes.phase')} error={err('phaseId')}>
        {(control) => (
          <select {...control} value={values.phaseId} onChange={(e) => set({ phaseId: e.target.value })}>
            <option value="">{t('event-minutes.none')}</option>
            {(detail?.phases ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="minutes-action-territory" label={t('event-minutes.territory')} error={err('territoryId')}>
        {(control) => (
          <select {...control} value={values.territoryId} onChange={(e) => set({ territoryId: e.target.value })}>
            <option value="">{t('event-minutes.none')}</option>
            {(detail?.territories ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
}
