import type { FormEvent } from 'react';
import { type ProgrammeDetail, programmeRoutes } from '../../../../src/modules/programmes/contract';
import { type Committee, committees } from '../../../../src/modules/programmes/vocabulary';
import { type ActorFamily, actorFamilies } from '../../../../src/modules/reference/families';
import { callApi } from '../../api/client';
import { useI18n } from '../../i18n';
import { type ActorChoice, ActorPicker } from '../../ui/ActorPicker';
import { Field } from '../../ui/Field';
import { TextField } from '../../ui/TextField';
import { FormStatus, nextKey, RowLabel } from '../parts';
import { RemoveRow, rowFieldShown, useRowsEditor } from './rows';
import { TerritorySelect } from './TerritorySelect';

interface Row {
  id?: string;
  key: number;
  committee: Committee;
  family: ActorFamily;
  role: string;
  actor: ActorChoice;
  territoryId: string;
}

const rowsOf = (p: ProgrammeDetail): Row[] =>
  p.steering.map((s) => ({
    id: s.id,
    key: nextKey(),
    committee: s.committee,
    family: s.family,
    role: s.role,
    actor: { id: s.actorId, text: s.actorName ?? '' },
    territoryId: s.territoryId ?? '',
  }));

/** The seats of the internal and extended steering committees: role, family, organisation, territory. */
export function SteeringEditor({ p, onSaved }: { p: ProgrammeDetail; onSaved(p: ProgrammeDetail): void }) {
  const { t } = useI18n();
  const { form, rows, setRow, add, remove, save } = useRowsEditor(p, rowsOf, onSaved);
  const what = t('programme.edit.seat');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (!r.role.trim()) found[`members.${i}.role`] = t('programme.form.required');
      if (r.actor.text.trim() && !r.actor.id) found[`members.${i}.actorId`] = t('programme.form.unknownActor');
    });
    if (form.refuse(found)) return;
    const members = rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      committee: r.committee,
      family: r.family,
      role: r.role,
      actorId: r.actor.text.trim() ? r.actor.id : null,
      territoryId: r.territoryId || null,
    }));
    save(() => callApi(programmeRoutes.putSteering, { params: { id: p.id }, body: { members } }));
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate>
      <FormStatus
        form={form}
        shown={rowFieldShown('members', ['committee', 'family', 'role', 'actorId', 'territoryId'])}
      />
      <ol className="programme-rows">
        {rows.map((r, i) => {
          const n = i + 1;
          const id = `seat-${r.key}`;
          const label = (text: string) => <RowLabel text={text} what={what} n={n} />;
          return (
            <li key={r.key} className="programme-row">
              <div className="grid-2">
                <Field id={`${id}-committee`} label={label(t('programme.edit.committee'))} required>
                  {(control) => (
                    <select
                      {...control}
                      value={r.committee}
                      onChange={(e) => setRow(r.key, { committee: e.target.value as Committee })}
                    >
                      {committees.map((c) => (
                        <option key={c} value={c}>
                          {t(`programme.committee.${c}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field id={`${id}-family`} label={label(t('programme.edit.family'))} required>
                  {(control) => (
                    <select
                      {...control}
                      value={r.family}
                      onChange={(e) => setRow(r.key, { family: e.target.value as ActorFamily })}
                    >
                      {actorFamilies.map((f) => (
                        <option key={f} value={f}>
                          {t(`family.${f}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              <TextField
                id={`${id}-role`}
                label={label(t('programme.edit.role'))}
                hint={t('programme.edit.seatRoleHint')}
                required
                error={form.err(`members.${i}.role`)}
                value={r.role}
                onChange={(role) => setRow(r.key, { role })}
              />
              <div className="grid-2">
                <ActorPicker
                  id={`${id}-actor`}
                  label={`${t('programme.edit.organisation')} ${t('programme.form.row', { what, n })}`}
                  value={r.actor}
                  onChange={(actor) => setRow(r.key, { actor })}
                  error={form.err(`members.${i}.actorId`)}
                />
                <TerritorySelect
                  id={`${id}-territory`}
                  label={label(t('programme.edit.seatTerritory'))}
                  p={p}
                  value={r.territoryId}
                  onChange={(territoryId) => setRow(r.key, { territoryId })}
                  error={form.err(`members.${i}.territoryId`)}
                />
              </div>
              <RemoveRow what={what} n={n} onRemove={() => remove(r.key)} />
            </li>
          );
        })}
      </ol>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            add({
              committee: 'extended',
              family: 'association',
              role: '',
              actor: { id: null, text: '' },
              territoryId: '',
            })
          }
        >
          {t('programme.edit.addSeat')}
        </button>
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving ? t('programme.form.saving') : t('programme.form.save')}
        </button>
      </div>
    </form>
  );
}
