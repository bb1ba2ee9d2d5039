import { type FormEvent, useState } from 'react';
import { listPartnerships } from '../../../src/modules/partnerships/contract';
import {
  type ActionInput,
  type ActionView,
  type ProgrammeDetail,
  programmeRoutes,
} from '../../../src/modules/programmes/contract';
import { type ActionLinkKind, type ActionStatus, actionStatuses } from '../../../src/modules/programmes/vocabulary';
import { callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { Field } from '../ui/Field';
import { TextField } from '../ui/TextField';
import { PhaseSelect, TerritorySelect } from './edit/TerritorySelect';
import { FormStatus, useSaveForm } from './parts';

interface Link {
  kind: ActionLinkKind;
  id: string;
  label: string;
}

const fields = [
  'title',
  'description',
  'phaseId',
  'territoryId',
  'ownerActorId',
  'ownerRole',
  'startsOn',
  'dueOn',
  'status',
];

/** Adds an action to the plan, or edits one: owner, phase, territory, dates, status and links. */
export function ActionForm({
  p,
  action,
  onSaved,
  onCancel,
}: {
  p: ProgrammeDetail;
  action: ActionView | null;
  onSaved(a: ActionView): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const form = useSaveForm();
  const [title, setTitle] = useState(action?.title ?? '');
  const [description, setDescription] = useState(action?.description ?? '');
  const [phaseId, setPhaseId] = useState(action?.phaseId ?? '');
  const [territoryId, setTerritoryId] = useState(action?.territoryId ?? '');
  const [owner, setOwner] = useState<ActorChoice>({ id: action?.ownerActorId ?? null, text: action?.ownerName ?? '' });
  const [ownerRole, setOwnerRole] = useState(action?.ownerRole ?? '');
  const [startsOn, setStartsOn] = useState(action?.startsOn ?? '');
  const [dueOn, setDueOn] = useState(action?.dueOn ?? '');
  const [status, setStatus] = useState<ActionStatus>(action?.status ?? 'planned');
  const [links, setLinks] = useState<Link[]>(action?.links ?? []);
  const addLink = (link: Link) =>
    setLinks((ls) => (ls.some((l) => l.kind === link.kind && l.id === link.id) ? ls : [...ls, link]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('programme.form.required');
    if (owner.text.trim() && !owner.id) found.ownerActorId = t('programme.form.unknownActor');
    if (form.refuse(found)) return;
    const body: ActionInput = {
      title,
      description,
      phaseId: phaseId || null,
      territoryId: territoryId || null,
      ownerActorId: owner.text.trim() ? owner.id : null,
      ownerRole,
      startsOn: startsOn || null,
      dueOn: dueOn || null,
      status,
      links: links.map(({ kind, id }) => ({ kind, id })),
    };
    void form.run(
      () =>
        action
          ? callApi(programmeRoutes.updateAction, { params: { id: action.id }, body })
          : callApi(programmeRoutes.createAction, { params: { id: p.id }, body }),
      onSaved,
    );
  };

  return (
    <section className="card programme-action-form" aria-labelledby="action-form-title">
      <h2 id="action-form-title">{action ? t('programme.action.editTitle') : t('programme.action.newTitle')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormStatus form={{ ...form, saved: false }} shown={(f) => fields.includes(f)} />
        <TextField
          id="action-title"
          label={t('programme.action.title')}
          required
          error={form.err('title')}
          value={title}
          onChange={setTitle}
        />
        <TextField
          id="action-description"
          kind="textarea"
          rows={3}
          label={t('programme.action.description')}
          error={form.err('description')}
          value={description}
          onChange={setDescription}
        />
        <div className="grid-3">
          <PhaseSelect
            id="action-phase"
            label={t('programme.action.phase')}
            p={p}
            value={phaseId}
            onChange={setPhaseId}
            error={form.err('phaseId')}
          />
          <TerritorySelect
            id="action-territory"
            label={t('programme.action.territory')}
            p={p}
            value={territoryId}
            onChange={setTerritoryId}
            error={form.err('territoryId')}
          />
          <Field id="action-status" label={t('programme.action.status')} error={form.err('status')}>
            {(control) => (
              <select {...control} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
                {actionStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`programme.status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="grid-2">
          <ActorPicker
            id="action-owner"
            label={t('programme.action.owner')}
            hint={t('programme.action.ownerHint')}
            value={owner}
            onChange={setOwner}
            error={form.err('ownerActorId')}
          />
          <TextField
            id="action-owner-role"
            label={t('programme.action.ownerRole')}
            error={form.err('ownerRole')}
            value={ownerRole}
            onChange={setOwnerRole}
          />
        </div>
        <div className="grid-2">
          <TextField
            id="action-starts"
            kind="date"
            label={t('programme.action.startsOn')}
            error={form.err('startsOn')}
            value={startsOn}
            onChange={setStartsOn}
          />
          <TextField
            id="action-due"
            kind="date"
            label={t('programme.action.dueOn')}
            error={form.err('dueOn')}
            value={dueOn}
            min={startsOn}
            onChange={setDueOn}
          />
        </div>
        <LinksEditor p={p} links={links} onAdd={addLink} onRemove={(l) => setLinks(links.filter((x) => x !== l))} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={form.saving}>
            {form.saving ? t('programme.form.saving') : t('programme.action.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('programme.action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The action's links: actors (searched), partnerships (the caller's), events (the programme's meetings). */
function LinksEditor({
  p,
  links,
  onAdd,
  onRemove,
}: {
  p: ProgrammeDetail;
  links: Link[];
  onAdd(l: Link): void;
  onRemove(l: Link): void;
}) {
  const { t } = useI18n();
  const [actor, setActor] = useState<ActorChoice>({ id: null, text: '' });
  const partnerships = useApiQuery(listPartnerships, { query: { pageSize: 100 } });
  return (
    <fieldset className="programme-links-editor">
      <legend>{t('programme.action.links')}</legend>
      <p className="hint">{t('programme.action.linksHint')}</p>
      {links.length === 0 ? (
        <p className="muted small">{t('programme.action.linksEmpty')}</p>
      ) : (
        <ul className="programme-chips">
          {links.map((l) => (
            <li key={`${l.kind}-${l.id}`}>
              <button type="button" className="active-filter" onClick={() => onRemove(l)}>
                {t(`programme.action.linkKind.${l.kind}`)} · {l.label}
                <span aria-hidden="true"> ×</span>
                <span className="visually-hidden"> ({t('programme.action.removeLink', { label: l.label })})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="grid-3">
        <ActorPicker
          id="action-link-actor"
          label={t('programme.action.linkActor')}
          value={actor}
          onChange={(choice) => {
            if (choice.id) {
              onAdd({ kind: 'actor', id: choice.id, label: choice.text });
              setActor({ id: null, text: '' });
            } else setActor(choice);
          }}
        />
        <PickAndAdd
          id="action-link-partnership"
          label={t('programme.action.linkPartnership')}
          options={(partnerships.data?.items ?? []).map((x) => ({ id: x.id, label: x.title }))}
          onAdd={(o) => onAdd({ kind: 'partnership', ...o })}
        />
        <PickAndAdd
          id="action-link-event"
          label={t('programme.action.linkEvent')}
          options={p.meetings.map((x) => ({ id: x.id, label: x.title }))}
          onAdd={(o) => onAdd({ kind: 'event', ...o })}
        />
      </div>
    </fieldset>
  );
}

/** A select and its « Ajouter le lien » button (a select that acted on change would add a link per arrow key). */
function PickAndAdd({
  id,
  label,
  options,
  onAdd,
}: {
  id: string;
  label: string;
  options: { id: string; label: string }[];
  onAdd(o: { id: string; label: string }): void;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState('');
  return (
    <div className="programme-pick">
      <Field id={id} label={label}>
        {(control) => (
          <select {...control} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('programme.action.choose')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={!chosen}
        onClick={() => {
          const found = options.find((o) => o.id === chosen);
          if (found) onAdd(found);
          setChosen('');
        }}
      >
        {t('programme.action.addLink')}
        <span className="visually-hidden"> ({label})</span>
      </button>
    </div>
  );
}
