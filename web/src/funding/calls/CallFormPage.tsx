import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type CallDetail, type CallInput, callRoutes } from '../../../../src/modules/funding/calls/contract';
import { actorFamilies } from '../../../../src/modules/reference/families';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useI18n } from '../../i18n';
import { FormStatus, useSaveForm } from '../../programmes/parts';
import { useReference } from '../../reference/reference';
import { type ActorChoice, ActorPicker } from '../../ui/ActorPicker';
import { amountText, parseAmount } from '../../ui/amounts';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { type CommuneChoice, CommuneField } from '../../ui/CommuneField';
import { TextField } from '../../ui/TextField';
import { FormPageShell } from './FormPageShell';

interface Values {
  funder: ActorChoice;
  title: string;
  description: string;
  themes: string[];
  sdgs: number[];
  eligibleFamilies: string[];
  communes: { code: string; name: string }[];
  envelope: string;
  amountMin: string;
  amountMax: string;
  opensOn: string;
  closesOn: string;
  link: string;
}

const amountFields = ['envelope', 'amountMin', 'amountMax'] as const;
const shownFields = new Set([
  'funderActorId',
  'title',
  'description',
  'themes',
  'sdgs',
  'eligibleFamilies',
  'communeCodes',
  ...amountFields,
  'opensOn',
  'closesOn',
  'link',
]);

function valuesOf(c: CallDetail | undefined, locale: 'fr' | 'en'): Values {
  return {
    funder: c ? { id: c.funder.id, text: c.funder.name } : { id: null, text: '' },
    title: c?.title ?? '',
    description: c?.description ?? '',
    themes: c?.themes ?? [],
    sdgs: c?.sdgs ?? [],
    eligibleFamilies: c?.eligibleFamilies ?? [],
    communes: c?.communes ?? [],
    envelope: amountText(c?.envelope ?? null, locale),
    amountMin: amountText(c?.amountMin ?? null, locale),
    amountMax: amountText(c?.amountMax ?? null, locale),
    opensOn: c?.opensOn ?? '',
    closesOn: c?.closesOn ?? '',
    link: c?.link ?? '',
  };
}

/** Records a new call for projects (`/financements/appels/nouveau`) or edits one (`…/:id/modifier`). Staff only. */
export function CallFormPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const existing = useApiQuery(callRoutes.get, { params: { id: id ?? '' } }, { enabled: Boolean(id) });
  return (
    <FormPageShell
      title={id ? t('funding.call.form.editTitle') : t('funding.call.form.newTitle')}
      editing={Boolean(id)}
      existing={existing}
    >
      {(call) => <CallForm initial={valuesOf(call, locale)} id={id} />}
    </FormPageShell>
  );
}

function CallForm({ initial, id }: { initial: Values; id: string | undefined }) {
  const { t } = useI18n();
  const reference = useReference();
  const navigate = useNavigate();
  const form = useSaveForm();
  const [values, setValues] = useState(initial);
  const [commune, setCommune] = useState<CommuneChoice>({ code: null, text: '' });
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!values.funder.id) found.funderActorId = t('funding.call.form.required');
    if (!values.title.trim()) found.title = t('funding.call.form.required');
    const amounts = Object.fromEntries(amountFields.map((f) => [f, parseAmount(values[f])])) as Record<
      (typeof amountFields)[number],
      number | null
    >;
    for (const f of amountFields) if (Number.isNaN(amounts[f])) found[f] = t('funding.call.form.amountInvalid');
    if (form.refuse(found)) return;
    const body: CallInput = {
      funderActorId: values.funder.id ?? '',
      title: values.title,
      description: values.description,
      themes: values.themes,
      sdgs: values.sdgs,
      eligibleFamilies: values.eligibleFamilies as CallInput['eligibleFamilies'],
      communeCodes: values.communes.map((c) => c.code),
      ...amounts,
      opensOn: values.opensOn || null,
      closesOn: values.closesOn || null,
      link: values.link,
    };
    void form.run(
      () => (id ? callApi(callRoutes.update, { params: { id }, body }) : callApi(callRoutes.create, { body })),
      (saved) => navigate(`/financements/appels/${saved.id}`),
    );
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="card">
      <FormStatus form={form} shown={(f) => shownFields.has(f.split('.')[0] ?? f)} />
      <ActorPicker
        id="call-funder"
        label={t('funding.call.form.funder')}
        hint={t('funding.call.form.funderHint')}
        required
        value={values.funder}
        onChange={(funder) => set({ funder })}
        error={form.err('funderActorId')}
      />
      <TextField
        id="call-title"
        label={t('funding.call.form.title')}
        required
        maxLength={300}
        value={values.title}
        onChange={(v) => set({ title: v })}
        error={form.err('title')}
      />
      <TextField
        id="call-description"
        kind="textarea"
        rows={5}
        label={t('funding.call.form.description')}
        value={values.description}
        onChange={(description) => set({ description })}
        error={form.err('description')}
      />
      <CheckboxGroup
        id="call-themes"
        legend={t('funding.call.form.themes')}
        options={(reference.data?.themes ?? []).map((th) => ({ value: th.id, label: reference.themeLabel(th.id) }))}
        selected={values.themes}
        onChange={(themes) => set({ themes })}
        error={Object.entries(form.errors).find(([f]) => f.startsWith('themes'))?.[1]}
      />
      <CheckboxGroup
        id="call-sdgs"
        legend={t('funding.call.form.sdgs')}
        className="sdg-options"
        options={(reference.data?.sdgs ?? []).map((s) => ({
          value: String(s.number),
          label: reference.sdgLabel(s.number),
          swatch: { colour: s.color, text: String(s.number) },
        }))}
        selected={values.sdgs.map(String)}
        onChange={(sdgs) => set({ sdgs: sdgs.map(Number).sort((a, b) => a - b) })}
        error={Object.entries(form.errors).find(([f]) => f.startsWith('sdgs'))?.[1]}
      />
      <CheckboxGroup
        id="call-families"
        legend={t('funding.call.form.families')}
        options={actorFamilies.map((f) => ({ value: f, label: t(`family.${f}`) }))}
        selected={values.eligibleFamilies}
        onChange={(eligibleFamilies) => set({ eligibleFamilies })}
        error={Object.entries(form.errors).find(([f]) => f.startsWith('eligibleFamilies'))?.[1]}
      />
      <fieldset className="funding-communes">
        <legend>{t('funding.call.form.communes')}</legend>
        {values.communes.length ? (
          <ul className="funding-inline-list">
            {values.communes.map((c) => (
              <li key={c.code}>
                {c.name}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => set({ communes: values.communes.filter((x) => x.code !== c.code) })}
                >
                  {t('funding.call.form.removeCommune', { name: c.name })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <CommuneField
          id="call-commune"
          value={commune}
          error={Object.entries(form.errors).find(([f]) => f.startsWith('communeCodes'))?.[1]}
          onChange={(choice) => {
            if (choice.code && !values.communes.some((c) => c.code === choice.code)) {
              set({ communes: [...values.communes, { code: choice.code, name: choice.text }] });
              setCommune({ code: null, text: '' });
            } else setCommune(choice);
          }}
        />
      </fieldset>
      <div className="grid-3">
        {amountFields.map((f) => (
          <TextField
            key={f}
            id={`call-${f}`}
            label={t(`funding.call.form.${f}`)}
            inputMode="decimal"
            value={values[f]}
            onChange={(v) => set({ [f]: v })}
            error={form.err(f)}
          />
        ))}
      </div>
      <p className="hint">{t('funding.call.form.datesHint')}</p>
      <div className="grid-2">
        <TextField
          id="call-opens"
          kind="date"
          label={t('funding.call.form.opensOn')}
          value={values.opensOn}
          onChange={(opensOn) => set({ opensOn })}
          error={form.err('opensOn')}
        />
        <TextField
          id="call-closes"
          kind="date"
          label={t('funding.call.form.closesOn')}
          value={values.closesOn}
          min={values.opensOn}
          onChange={(closesOn) => set({ closesOn })}
          error={form.err('closesOn')}
        />
      </div>
      <TextField
        id="call-link"
        label={t('funding.call.form.link')}
        value={values.link}
        onChange={(link) => set({ link })}
        error={form.err('link')}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {form.saving
            ? t('funding.call.form.saving')
            : id
              ? t('funding.call.form.save')
              : t('funding.call.form.create')}
        </button>
        <Link to={id ? `/financements/appels/${id}` : '/financements/appels'}>{t('funding.call.form.cancel')}</Link>
      </div>
    </form>
  );
}
