import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import {
  addBenefit,
  addContribution,
  addPartner,
  benefitInput,
  contributionInput,
  deleteBenefit,
  deleteContribution,
  type PartnerDetail,
  type PartnershipDetail,
  realiseBenefit,
  removePartner,
  setConsent,
} from '../../../src/modules/partnerships/contract';
import { type ContributionNature, contributionNatures } from '../../../src/modules/partnerships/vocabulary';
import { asApiError, callApi, fieldErrorsOf } from '../api/client';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { Field } from '../ui/Field';

/** A decimal typed the French way (« 1 200,50 ») as a number; empty gives null, garbage NaN. */
const parseAmount = (text: string): number | null => {
  const clean = text.replace(/\s/g, '').replace(',', '.');
  return clean === '' ? null : Number(clean);
};

/** Each partner: role, expectations, what it brings and what it expects (euro totals), its consent to publish. */
export function Partners({
  partnership: p,
  canEdit,
  onChanged,
  onError,
}: {
  partnership: PartnershipDetail;
  canEdit: boolean;
  onChanged(p: PartnershipDetail): void;
  onError(e: unknown): void;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="partners-heading">
      <h2 id="partners-heading">{t('partnership.partners.title')}</h2>
      {p.access !== 'public' ? <p className="hint">{t('partnership.partners.consentHint')}</p> : null}
      <div className="partner-grid">
        {p.partners.map((partner) => (
          <PartnerCard
            key={partner.actorId}
            partnershipId={p.id}
            partner={partner}
            canEdit={canEdit}
            showConsent={p.access !== 'public'}
            onChanged={onChanged}
            onError={onError}
            removable={canEdit && p.partners.length > 2}
          />
        ))}
      </div>
      {canEdit ? <AddPartnerForm partnershipId={p.id} onChanged={onChanged} /> : null}
    </section>
  );
}

function PartnerCard({
  partnershipId,
  partner,
  canEdit,
  showConsent,
  onChanged,
  onError,
  removable,
}: {
  partnershipId: string;
  partner: PartnerDetail;
  canEdit: boolean;
  showConsent: boolean;
  removable: boolean;
  onChanged(p: PartnershipDetail): void;
  onError(e: unknown): void;
}) {
  const { t, formatEuros, formatNumber, formatDate } = useI18n();
  const { user, role } = useSession();
  const mayConsent = canEdit && (isStaff(role) || user?.actorId === partner.actorId);
  // The box follows the click at once; the server's answer (or a refusal) then sets it for good.
  const [consented, setConsented] = useState(partner.consented);
  useEffect(() => setConsented(partner.consented), [partner.consented]);
  const consent = async (value: boolean) => {
    setConsented(value);
    try {
      onChanged(
        await callApi(setConsent, {
          params: { id: partnershipId, actorId: partner.actorId },
          body: { consent: value },
        }),
      );
    } catch (e) {
      setConsented(!value);
      onError(e);
    }
  };
  const headingId = `partner-${partner.actorId}`;
  const call = async (run: () => Promise<PartnershipDetail>) => {
    try {
      onChanged(await run());
    } catch (e) {
      onError(e);
    }
  };
  return (
    <section className="partner-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/acteurs/${partner.actorId}`}>{partner.name}</Link>
        <span className={`family-badge family-${partner.family}`}>{t(`family.${partner.family}`)}</span>
      </h3>
      {partner.role ? (
        <p>
          <span className="muted">{t('partnership.partners.role')} : </span>
          {partner.role}
        </p>
      ) : null}
      {partner.expectations ? (
        <p>
          <span className="muted">{t('partnership.partners.expectations')} : </span>
          {partner.expectations}
        </p>
      ) : null}

      <h4>{t('partnership.partners.gives')}</h4>
      {partner.contributions.length === 0 ? (
        <p className="muted small">{t('partnership.partners.noContribution')}</p>
      ) : (
        <ul className="ledger">
          {partner.contributions.map((c) => (
            <li key={c.id}>
              <span className="muted">{t(`nature.${c.nature}`)} · </span>
              {c.description}
              {c.hours !== null ? ` · ${formatNumber(c.hours)} h` : ''}
              {c.value !== null ? <strong> · {formatEuros(c.value)}</strong> : null}
              {canEdit ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('partnership.contrib.delete', { name: c.description })}
                  onClick={() =>
                    call(() => callApi(deleteContribution, { params: { id: partnershipId, itemId: c.id } }))
                  }
                >
                  ✕
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="total">
        {t('partnership.partners.totalGiven', { amount: formatEuros(partner.totals.contributed) })}
        {partner.totals.hours
          ? ` · ${t('partnership.partners.totalHours', { hours: formatNumber(partner.totals.hours) })}`
          : ''}
      </p>
      {canEdit ? (
        <ContributionForm partnershipId={partnershipId} actorId={partner.actorId} onChanged={onChanged} />
      ) : null}

      <h4>{t('partnership.partners.gets')}</h4>
      {partner.benefits.length === 0 ? (
        <p className="muted small">{t('partnership.partners.noBenefit')}</p>
      ) : (
        <ul className="ledger">
          {partner.benefits.map((b) => (
            <li key={b.id}>
              {b.description}
              {b.expectedValue !== null ? (
                <span> · {t('partnership.partners.expected', { amount: formatEuros(b.expectedValue) })}</span>
              ) : null}
              {b.realisedValue !== null ? (
                <strong>
                  {' '}
                  ·{' '}
                  {t('partnership.partners.realised', {
                    amount: formatEuros(b.realisedValue),
                    date: b.realisedOn ? formatDate(b.realisedOn) : '…',
                  })}
                </strong>
              ) : null}
              {canEdit ? (
                <>
                  {b.realisedValue === null ? (
                    <RealiseForm
                      partnershipId={partnershipId}
                      benefitId={b.id}
                      onChanged={onChanged}
                      onError={onError}
                    />
                  ) : null}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('partnership.benefit.delete', { name: b.description })}
                    onClick={() => call(() => callApi(deleteBenefit, { params: { id: partnershipId, itemId: b.id } }))}
                  >
                    ✕
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="total">
        {t('partnership.partners.totalExpected', {
          amount: formatEuros(partner.totals.expected),
          realised: formatEuros(partner.totals.realised),
        })}
      </p>
      {canEdit ? <BenefitForm partnershipId={partnershipId} actorId={partner.actorId} onChanged={onChanged} /> : null}

      {showConsent ? (
        <label className="checkbox consent">
          <input
            type="checkbox"
            checked={consented}
            disabled={!mayConsent}
            onChange={(e) => void consent(e.target.checked)}
          />
          {t('partnership.partners.consent')}
        </label>
      ) : null}
      {removable ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            if (window.confirm(t('partnership.partners.removeConfirm', { name: partner.name }))) {
              void call(() => callApi(removePartner, { params: { id: partnershipId, actorId: partner.actorId } }));
            }
          }}
        >
          {t('partnership.partners.remove', { name: partner.name })}
        </button>
      ) : null}
    </section>
  );
}

function useFormErrors() {
  const { locale } = useI18n();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fromIssues = (issues: { path: PropertyKey[]; message: string }[]) => {
    const found: Record<string, string> = {};
    for (const i of issues) found[i.path.join('.')] ??= fieldMessage(i.message, locale);
    setErrors(found);
  };
  const fromError = (e: unknown) => setErrors(fieldErrorsOf(asApiError(e), locale));
  return { errors, setErrors, fromIssues, fromError };
}

function ContributionForm({
  partnershipId,
  actorId,
  onChanged,
}: {
  partnershipId: string;
  actorId: string;
  onChanged(p: PartnershipDetail): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [nature, setNature] = useState<ContributionNature>('financial');
  const [description, setDescription] = useState('');
  const [value, setValue] = useState('');
  const [hours, setHours] = useState('');
  const { errors, setErrors, fromIssues, fromError } = useFormErrors();
  const id = `contrib-${actorId}`;
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('partnership.contrib.add')}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      actorId,
      nature,
      description,
      value: parseAmount(value),
      hours: nature === 'volunteerHours' ? parseAmount(hours) : null,
    };
    const checked = contributionInput.safeParse(body);
    if (!checked.success) return fromIssues(checked.error.issues);
    setErrors({});
    try {
      onChanged(await callApi(addContribution, { params: { id: partnershipId }, body }));
      setOpen(false);
      setDescription('');
      setValue('');
      setHours('');
    } catch (error) {
      fromError(error);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field id={`${id}-nature`} label={t('partnership.contrib.nature')}>
        {(c) => (
          <select {...c} value={nature} onChange={(e) => setNature(e.target.value as ContributionNature)}>
            {contributionNatures.map((n) => (
              <option key={n} value={n}>
                {t(`nature.${n}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-description`} label={t('partnership.contrib.description')} error={errors.description} required>
        {(c) => <input {...c} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      {nature === 'volunteerHours' ? (
        <Field id={`${id}-hours`} label={t('partnership.contrib.hours')} error={errors.hours} required>
          {(c) => <input {...c} inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />}
        </Field>
      ) : null}
      <Field id={`${id}-value`} label={t('partnership.contrib.value')} error={errors.value}>
        {(c) => <input {...c} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-small">
          {t('partnership.contrib.submit')}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => setOpen(false)}>
          {t('partnership.page.cancel')}
        </button>
      </div>
    </form>
  );
}

function BenefitForm({
  partnershipId,
  actorId,
  onChanged,
}: {
  partnershipId: string;
  actorId: string;
  onChanged(p: PartnershipDetail): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [description, setDescription] = useState('');
  const [value, setValue] = useState('');
  const { errors, setErrors, fromIssues, fromError } = useFormErrors();
  const id = `benefit-${actorId}`;
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('partnership.benefit.add')}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { actorId, description, expectedValue: parseAmount(value) };
    const checked = benefitInput.safeParse(body);
    if (!checked.success) return fromIssues(checked.error.issues);
    setErrors({});
    try {
      onChanged(await callApi(addBenefit, { params: { id: partnershipId }, body }));
      setOpen(false);
      setDescription('');
      setValue('');
    } catch (error) {
      fromError(error);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field id={`${id}-description`} label={t('partnership.benefit.description')} error={errors.description} required>
        {(c) => <input {...c} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field id={`${id}-value`} label={t('partnership.benefit.expected')} error={errors.expectedValue}>
        {(c) => <input {...c} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-small">
          {t('partnership.benefit.submit')}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => setOpen(false)}>
          {t('partnership.page.cancel')}
        </button>
      </div>
    </form>
  );
}

function RealiseForm({
  partnershipId,
  benefitId,
  onChanged,
  onError,
}: {
  partnershipId: string;
  benefitId: string;
  onChanged(p: PartnershipDetail): void;
  onError(e: unknown): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [on, setOn] = useState(() => new Date().toISOString().slice(0, 10));
  const { errors, fromError } = useFormErrors();
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('partnership.benefit.realise')}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onChanged(
        await callApi(realiseBenefit, {
          params: { id: partnershipId, itemId: benefitId },
          body: { realisedValue: parseAmount(value) ?? Number.NaN, realisedOn: on },
        }),
      );
      setOpen(false);
    } catch (error) {
      fromError(error);
      if (asApiError(error).errors.length === 0) onError(error);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field
        id={`realise-${benefitId}-value`}
        label={t('partnership.benefit.realisedValue')}
        error={errors.realisedValue}
      >
        {(c) => <input {...c} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <Field id={`realise-${benefitId}-on`} label={t('partnership.benefit.realisedOn')} error={errors.realisedOn}>
        {(c) => <input {...c} type="date" value={on} onChange={(e) => setOn(e.target.value)} />}
      </Field>
      <button type="submit" className="button button-small">
        {t('partnership.benefit.realiseSubmit')}
      </button>
    </form>
  );
}

function AddPartnerForm({
  partnershipId,
  onChanged,
}: {
  partnershipId: string;
  onChanged(p: PartnershipDetail): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [actor, setActor] = useState<ActorChoice>({ id: null, text: '' });
  const [role, setRole] = useState('');
  const { errors, setErrors, fromError } = useFormErrors();
  if (!open) {
    return (
      <button type="button" className="button button-secondary button-small add-partner" onClick={() => setOpen(true)}>
        {t('partnership.form.addPartner')}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!actor.id) {
      setErrors({ actorId: t('partnership.partners.chooseActor') });
      return;
    }
    try {
      onChanged(await callApi(addPartner, { params: { id: partnershipId }, body: { actorId: actor.id, role } }));
      setOpen(false);
      setActor({ id: null, text: '' });
      setRole('');
      setErrors({});
    } catch (error) {
      fromError(error);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <ActorPicker
        id="new-partner"
        label={t('partnership.partners.newPartner')}
        value={actor}
        onChange={setActor}
        error={errors.actorId}
        required
      />
      <Field id="new-partner-role" label={t('partnership.partners.role')} error={errors.role}>
        {(c) => <input {...c} value={role} onChange={(e) => setRole(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-small">
          {t('partnership.form.addPartner')}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => setOpen(false)}>
          {t('partnership.page.cancel')}
        </button>
      </div>
    </form>
  );
}
