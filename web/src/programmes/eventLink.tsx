// The link of an event to a programme, for the event form (web/src/events/EventFormPage.tsx): the programme, its
// territory and phase, and the prefill of a new event from one of the programme's event templates.
import type { EventTemplateView } from '../../../src/modules/programmes/contract';
import { programmeRoutes } from '../../../src/modules/programmes/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Field } from '../ui/Field';
import './programmes.css';

export interface ProgrammeLink {
  programmeId: string;
  territoryId: string;
  phaseId: string;
}

/** The values to send: empty choices as null. */
export const programmeLinkBody = (v: ProgrammeLink) => ({
  programmeId: v.programmeId || null,
  territoryId: (v.programmeId && v.territoryId) || null,
  phaseId: (v.programmeId && v.phaseId) || null,
});

const pad = (n: number) => String(n).padStart(2, '0');

/** A wall-clock `YYYY-MM-DDTHH:MM` plus some minutes (calendar arithmetic, no time zone involved). */
export function addMinutes(local: string, minutes: number): string {
  const [date = '', time = '00:00'] = local.split('T');
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi + minutes));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/**
 * A new event's fields from a template: kind, title, description, capacity, agenda; on the suggested day, starting
 * at the agenda's first time (else 14 h), for the template's duration.
 */
export function templateFields(template: EventTemplateView) {
  const startTime = template.agenda[0]?.startsAt ?? '14:00';
  const startsAt = `${template.suggestedOn}T${startTime}`;
  return {
    kind: template.kind,
    title: template.title,
    description: template.description,
    capacity: template.capacity === null ? '' : String(template.capacity),
    startsAt,
    endsAt: addMinutes(startsAt, template.durationMinutes || 120),
    agenda: template.agenda,
    phaseId: template.phaseId ?? '',
  };
}

/** The programme (if the prefill asks for one) and the template it names, once loaded. */
export function usePrefill(programmeId: string | null, templateId: string | null) {
  const programme = useApiQuery(
    programmeRoutes.get,
    { params: { id: programmeId ?? '' } },
    { enabled: Boolean(programmeId) },
  );
  const template = programme.data?.eventTemplates.find((x) => x.id === templateId);
  return {
    ready: !programmeId || Boolean(programme.data) || Boolean(programme.error),
    programmeId: programme.data?.id ?? null,
    template,
    error: programme.error,
  };
}

/** Three selects: the programme, then one of its territories and phases. */
export function ProgrammeLinkFields({
  value,
  onChange,
  err,
}: {
  value: ProgrammeLink;
  onChange(v: ProgrammeLink): void;
  err(field: string): string | undefined;
}) {
  const { t } = useI18n();
  const list = useApiQuery(programmeRoutes.list, {});
  const programme = useApiQuery(
    programmeRoutes.get,
    { params: { id: value.programmeId } },
    { enabled: Boolean(value.programmeId) },
  );
  const detail = value.programmeId && programme.data?.id === value.programmeId ? programme.data : undefined;
  return (
    <fieldset className="event-programme-fields">
      <legend>{t('programme.eventForm.legend')}</legend>
      <Field id="event-programme" label={t('programme.eventForm.programme')} error={err('programmeId')}>
        {(control) => (
          <select
            {...control}
            value={value.programmeId}
            onChange={(e) => onChange({ programmeId: e.target.value, territoryId: '', phaseId: '' })}
          >
            <option value="">{t('programme.eventForm.none')}</option>
            {(list.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.programmeId ? (
        <div className="grid-2">
          <Field id="event-territory" label={t('programme.eventForm.territory')} error={err('territoryId')}>
            {(control) => (
              <select
                {...control}
                value={value.territoryId}
                onChange={(e) => onChange({ ...value, territoryId: e.target.value })}
              >
                <option value="">{t('programme.action.noneM')}</option>
                {(detail?.territories ?? []).map((tr) => (
                  <option key={tr.id} value={tr.id}>
                    {tr.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="event-phase" label={t('programme.eventForm.phase')} error={err('phaseId')}>
            {(control) => (
              <select
                {...control}
                value={value.phaseId}
                onChange={(e) => onChange({ ...value, phaseId: e.target.value })}
              >
                <option value="">{t('programme.action.none')}</option>
                {(detail?.phases ?? []).map((ph) => (
                  <option key={ph.id} value={ph.id}>
                    {ph.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ) : null}
    </fieldset>
  );
}
