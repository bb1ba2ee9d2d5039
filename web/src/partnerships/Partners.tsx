import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  addBenefit,
  addContribution,
  addPartner,
  type Benefit,
  benefitInput,
  type Contribution,
  contributionInput,
  deleteBenefit,
  deleteContribution,
  type PartnerDetail,
  type PartnershipDetail,
  partnerInput,
  partnerUpdate,
  realiseBenefit,
  realiseInput,
  removePartner,
  setConsent,
  updateBenefit,
  updateContribution,
  updatePartner,
} from '../../../src/modules/partnerships/contract';
import { type ContributionNature, contributionNatures } from '../../../src/modules/partnerships/vocabulary';
import { type ApiError, asApiError, callApi, fieldErrorsOf } from '../api/client';
import { isStaff, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { amountText, parseAmount } from '../ui/amounts';
import { todayLocal } from '../ui/dates';
import { Field } from '../ui/Field';
import { Alert, useErrorText } from '../ui/feedback';
import { issueErrors } from './parts';

/** After a form closes, the focus goes back to the button that opened it (found by id once rendered again). */
function useFocusLater() {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

/** A form that opens takes the focus on its first control. */
function useFocusFirst(form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [form]);
}

/** Each partner: role, expectations, what it brings and what it expects (euro totals), its consent to publish. */
export function Partners({
  partnership: p,
  canEdit,
  onChanged,
}: {
  partnership: PartnershipDetail;
  canEdit: boolean;
  onChanged(p: PartnershipDetail): void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  // Refusals of the section's one-click actions (remove a partner, delete an item, consent) are shown here.
  const [error, setError] = useState<ApiError | null>(null);
  const changed = (d: PartnershipDetail) => {
    setError(null);
    onChanged(d);
  };
  const fail = (e: unknown) => setError(asApiError(e));
  return (
    <section className="card" aria-labelledby="partners-heading">
      <h2 id="partners-heading">{t('partnership.partners.title')}</h2>
      {p.access !== 'public' ? <p className="hint">{t('partnership.partners.consentHint')}</p> : null}
      {error ? <Alert>{errorText(error)}</Alert> : null}
      <div className="partner-grid">
        {p.partners.map((partner) => (
          <PartnerCard
            key={partner.actorId}
            partnershipId={p.id}
            partner={partner}
            canEdit={canEdit}
            showConsent={p.access !== 'public'}
            onChanged={changed}
            onError={fail}
            removable={canEdit && p.partners.length > 2}
          />
        ))}
      </div>
      {canEdit && p.partners.length <= 2 ? <p className="hint">{t('partnership.partners.keepTwo')}</p> : null}
      {canEdit ? <AddPartnerForm partnershipId={p.id} onChanged={changed} /> : null}
    </section>
  );
}

/** What is open in a partner's card: its role form, a new or existing contribution or benefit, a realisation. */
type Editing =
  | null
  | { kind: 'partner' }
  | { kind: 'contribution' | 'benefit'; item: string | null }
  | { kind: 'realise'; item: string };

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
  const [editing, setEditing] = useState<Editing>(null);
  const focusLater = useFocusLater();
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
  /** The id of the button that opens a form, to give it the focus back. */
  const opener = (e: Exclude<Editing, null>) => `${headingId}-${e.kind}-${'item' in e ? (e.item ?? 'new') : 'edit'}`;
  const open = (e: Exclude<Editing, null>) => setEditing(e);
  const close = () => {
    if (editing) focusLater(opener(editing));
    setEditing(null);
  };
  const saved = (d: PartnershipDetail) => {
    onChanged(d);
    close();
  };
  const isOpen = (e: Exclude<Editing, null>) =>
    editing !== null && editing.kind === e.kind && ('item' in e ? 'item' in editing && editing.item === e.item : true);

  return (
    <section className="partner-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/acteurs/${partner.actorId}`}>{partner.name}</Link>
        <span className={`family-badge family-${partner.family}`}>{t(`family.${partner.family}`)}</span>
      </h3>
      {isOpen({ kind: 'partner' }) ? (
        <PartnerForm partnershipId={partnershipId} partner={partner} onSaved={saved} onCancel={close} />
      ) : (
        <>
          {partner.role ? (
            <p>
              <span className="muted">{t('partnership.labelled', { label: t('partnership.partners.role') })} </span>
              {partner.role}
            </p>
          ) : null}
          {partner.expectations ? (
            <p>
              <span className="muted">
                {t('partnership.labelled', { label: t('partnership.partners.expectations') })}{' '}
              </span>
              {partner.expectations}
            </p>
          ) : null}
          {canEdit ? (
            <button
              type="button"
              id={opener({ kind: 'partner' })}
              className="link-button"
              aria-label={t('partnership.partners.edit', { name: partner.name })}
              onClick={() => open({ kind: 'partner' })}
            >
              {t('partnership.partners.editShort')}
            </button>
          ) : null}
        </>
      )}

      <h4>{t('partnership.partners.gives')}</h4>
      {partner.contributions.length === 0 ? (
        <p className="muted small">{t('partnership.partners.noContribution')}</p>
      ) : (
        <ul className="ledger">
          {partner.contributions.map((c) =>
            isOpen({ kind: 'contribution', item: c.id }) ? (
              <li key={c.id}>
                <ContributionForm
                  partnershipId={partnershipId}
                  actorId={partner.actorId}
                  existing={c}
                  onSaved={saved}
                  onCancel={close}
                />
              </li>
            ) : (
              <li key={c.id}>
                <span className="muted">{t(`nature.${c.nature}`)} · </span>
                {c.description}
                {c.hours !== null ? ` · ${formatNumber(c.hours)} h` : ''}
                {c.value !== null ? <strong> · {formatEuros(c.value)}</strong> : null}
                {canEdit ? (
                  <>
                    <button
                      type="button"
                      id={opener({ kind: 'contribution', item: c.id })}
                      className="link-button"
                      aria-label={t('partnership.contrib.edit', { name: c.description })}
                      onClick={() => open({ kind: 'contribution', item: c.id })}
                    >
                      {t('partnership.item.edit')}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('partnership.contrib.delete', { name: c.description })}
                      onClick={() => {
                        if (window.confirm(t('partnership.contrib.deleteConfirm', { name: c.description }))) {
                          void call(() => callApi(deleteContribution, { params: { id: partnershipId, itemId: c.id } }));
                        }
                      }}
                    >
                      ✕
                    </button>
                  </>
                ) : null}
              </li>
            ),
          )}
        </ul>
      )}
      <p className="total">
        {t('partnership.partners.totalGiven', { amount: formatEuros(partner.totals.contributed) })}
        {partner.totals.hours
          ? ` · ${t('partnership.partners.totalHours', { hours: formatNumber(partner.totals.hours) })}`
          : ''}
      </p>
      {canEdit ? (
        isOpen({ kind: 'contribution', item: null }) ? (
          <ContributionForm partnershipId={partnershipId} actorId={partner.actorId} onSaved={saved} onCancel={close} />
        ) : (
          <button
            type="button"
            id={opener({ kind: 'contribution', item: null })}
            className="link-button"
            onClick={() => open({ kind: 'contribution', item: null })}
          >
            {t('partnership.contrib.add')}
          </button>
        )
      ) : null}

      <h4>{t('partnership.partners.gets')}</h4>
      {partner.benefits.length === 0 ? (
        <p className="muted small">{t('partnership.partners.noBenefit')}</p>
      ) : (
        <ul className="ledger">
          {partner.benefits.map((b) =>
            isOpen({ kind: 'benefit', item: b.id }) ? (
              <li key={b.id}>
                <BenefitForm
                  partnershipId={partnershipId}
                  actorId={partner.actorId}
                  existing={b}
                  onSaved={saved}
                  onCancel={close}
                />
              </li>
            ) : (
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
                    <button
                      type="button"
                      id={opener({ kind: 'benefit', item: b.id })}
                      className="link-button"
                      aria-label={t('partnership.benefit.edit', { name: b.description })}
                      onClick={() => open({ kind: 'benefit', item: b.id })}
                    >
                      {t('partnership.item.edit')}
                    </button>
                    {b.realisedValue === null && !isOpen({ kind: 'realise', item: b.id }) ? (
                      <button
                        type="button"
                        id={opener({ kind: 'realise', item: b.id })}
                        className="link-button"
                        aria-label={t('partnership.benefit.realiseOne', { name: b.description })}
                        onClick={() => open({ kind: 'realise', item: b.id })}
                      >
                        {t('partnership.benefit.realise')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('partnership.benefit.delete', { name: b.description })}
                      onClick={() => {
                        if (window.confirm(t('partnership.benefit.deleteConfirm', { name: b.description }))) {
                          void call(() => callApi(deleteBenefit, { params: { id: partnershipId, itemId: b.id } }));
                        }
                      }}
                    >
                      ✕
                    </button>
                    {isOpen({ kind: 'realise', item: b.id }) ? (
                      <RealiseForm partnershipId={partnershipId} benefitId={b.id} onSaved={saved} onCancel={close} />
                    ) : null}
                  </>
                ) : null}
              </li>
            ),
          )}
        </ul>
      )}
      <p className="total">
        {t('partnership.partners.totalExpected', {
          amount: formatEuros(partner.totals.expected),
          realised: formatEuros(partner.totals.realised),
        })}
      </p>
      {canEdit ? (
        isOpen({ kind: 'benefit', item: null }) ? (
          <BenefitForm partnershipId={partnershipId} actorId={partner.actorId} onSaved={saved} onCancel={close} />
        ) : (
          <button
            type="button"
            id={opener({ kind: 'benefit', item: null })}
            className="link-button"
            onClick={() => open({ kind: 'benefit', item: null })}
          >
            {t('partnership.benefit.add')}
          </button>
        )
      ) : null}

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

/** Field errors from the zod schema (before sending) or from the server; other refusals as one message. */
function useFormErrors() {
  const { locale } = useI18n();
  const errorText = useErrorText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const fromIssues = (issues: { path: PropertyKey[]; message: string }[]) => {
    setErrors(issueErrors(issues, locale));
    setFailure(null);
  };
  const fromError = (e: unknown) => {
    const apiError = asApiError(e);
    const fields = fieldErrorsOf(apiError, locale);
    setErrors(fields);
    setFailure(Object.keys(fields).length ? null : errorText(apiError));
  };
  const clear = () => {
    setErrors({});
    setFailure(null);
  };
  return { errors, failure, setErrors, fromIssues, fromError, clear };
}

interface FormProps {
  partnershipId: string;
  onSaved(p: PartnershipDetail): void;
  onCancel(): void;
}

function FormButtons({ submit, onCancel }: { submit: string; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-small">
        {submit}
      </button>
      <button type="button" className="button button-secondary button-small" onClick={onCancel}>
        {t('partnership.page.cancel')}
      </button>
    </div>
  );
}

/** Escape closes an inline form, as Annuler does. */
const escapeCloses = (onCancel: () => void) => (e: React.KeyboardEvent) => {
  if (e.key === 'Escape' && !e.defaultPrevented) {
    e.preventDefault();
    onCancel();
  }
};

function PartnerForm({ partnershipId, partner, onSaved, onCancel }: FormProps & { partner: PartnerDetail }) {
  const { t } = useI18n();
  const [role, setRole] = useState(partner.role);
  const [expectations, setExpectations] = useState(partner.expectations);
  const { errors, failure, fromIssues, fromError, clear } = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirst(formRef);
  const id = `partner-${partner.actorId}-form`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { role, expectations };
    const checked = partnerUpdate.safeParse(body);
    if (!checked.success) return fromIssues(checked.error.issues);
    clear();
    try {
      onSaved(await callApi(updatePartner, { params: { id: partnershipId, actorId: partner.actorId }, body }));
    } catch (error) {
      fromError(error);
    }
  };
  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} onKeyDown={escapeCloses(onCancel)} noValidate>
      {failure ? <Alert>{failure}</Alert> : null}
      <Field id={`${id}-role`} label={t('partnership.partners.role')} error={errors.role}>
        {(c) => <input {...c} value={role} onChange={(e) => setRole(e.target.value)} />}
      </Field>
      <Field id={`${id}-expectations`} label={t('partnership.partners.expectations')} error={errors.expectations}>
        {(c) => <textarea {...c} rows={3} value={expectations} onChange={(e) => setExpectations(e.target.value)} />}
      </Field>
      <FormButtons submit={t('partnership.partners.save')} onCancel={onCancel} />
    </form>
  );
}

/** Adds a contribution, or changes one (`existing`). */
function ContributionForm({
  partnershipId,
  actorId,
  existing,
  onSaved,
  onCancel,
}: FormProps & { actorId: string; existing?: Contribution }) {
  const { t, locale } = useI18n();
  const [nature, setNature] = useState<ContributionNature>(existing?.nature ?? 'financial');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [value, setValue] = useState(amountText(existing?.value ?? null, locale));
  const [hours, setHours] = useState(amountText(existing?.hours ?? null, locale));
  const { errors, failure, fromIssues, fromError, clear } = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirst(formRef);
  const id = existing ? `contrib-${existing.id}` : `contrib-${actorId}`;
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
    clear();
    try {
      onSaved(
        await (existing
          ? callApi(updateContribution, { params: { id: partnershipId, itemId: existing.id }, body })
          : callApi(addContribution, { params: { id: partnershipId }, body })),
      );
    } catch (error) {
      fromError(error);
    }
  };
  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} onKeyDown={escapeCloses(onCancel)} noValidate>
      {failure ? <Alert>{failure}</Alert> : null}
      <Field id={`${id}-nature`} label={t('partnership.contrib.nature')} error={errors.nature}>
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
      <FormButtons
        submit={existing ? t('partnership.contrib.save') : t('partnership.contrib.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}

/** Adds an expected benefit, or changes one (`existing`; a realised one also shows what it brought, and when). */
function BenefitForm({
  partnershipId,
  actorId,
  existing,
  onSaved,
  onCancel,
}: FormProps & { actorId: string; existing?: Benefit }) {
  const { t, locale } = useI18n();
  const realised = existing !== undefined && existing.realisedValue !== null;
  const [description, setDescription] = useState(existing?.description ?? '');
  const [value, setValue] = useState(amountText(existing?.expectedValue ?? null, locale));
  const [realisedValue, setRealisedValue] = useState(amountText(existing?.realisedValue ?? null, locale));
  const [realisedOn, setRealisedOn] = useState(existing?.realisedOn ?? '');
  const { errors, failure, fromIssues, fromError, clear } = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirst(formRef);
  const id = existing ? `benefit-${existing.id}` : `benefit-${actorId}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // PUT replaces the benefit: a realised one keeps (or corrects) its realisation.
    const body = {
      actorId,
      description,
      expectedValue: parseAmount(value),
      realisedValue: realised ? parseAmount(realisedValue) : null,
      realisedOn: realised ? realisedOn : null,
    };
    const checked = benefitInput.safeParse(body);
    if (!checked.success) return fromIssues(checked.error.issues);
    clear();
    try {
      onSaved(
        await (existing
          ? callApi(updateBenefit, { params: { id: partnershipId, itemId: existing.id }, body })
          : callApi(addBenefit, { params: { id: partnershipId }, body })),
      );
    } catch (error) {
      fromError(error);
    }
  };
  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} onKeyDown={escapeCloses(onCancel)} noValidate>
      {failure ? <Alert>{failure}</Alert> : null}
      <Field id={`${id}-description`} label={t('partnership.benefit.description')} error={errors.description} required>
        {(c) => <input {...c} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field id={`${id}-value`} label={t('partnership.benefit.expected')} error={errors.expectedValue}>
        {(c) => <input {...c} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      {realised ? (
        <>
          <Field id={`${id}-realised`} label={t('partnership.benefit.realisedValue')} error={errors.realisedValue}>
            {(c) => (
              <input
                {...c}
                inputMode="decimal"
                value={realisedValue}
                onChange={(e) => setRealisedValue(e.target.value)}
              />
            )}
          </Field>
          <Field id={`${id}-realised-on`} label={t('partnership.benefit.realisedOn')} error={errors.realisedOn}>
            {(c) => <input {...c} type="date" value={realisedOn} onChange={(e) => setRealisedOn(e.target.value)} />}
          </Field>
        </>
      ) : null}
      <FormButtons
        submit={existing ? t('partnership.benefit.save') : t('partnership.benefit.submit')}
        onCancel={onCancel}
      />
    </form>
  );
}

function RealiseForm({ partnershipId, benefitId, onSaved, onCancel }: FormProps & { benefitId: string }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [on, setOn] = useState(todayLocal);
  const { errors, failure, fromIssues, fromError, clear } = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirst(formRef);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { realisedValue: parseAmount(value) ?? Number.NaN, realisedOn: on };
    const checked = realiseInput.safeParse(body);
    if (!checked.success) return fromIssues(checked.error.issues);
    clear();
    try {
      onSaved(await callApi(realiseBenefit, { params: { id: partnershipId, itemId: benefitId }, body }));
    } catch (error) {
      fromError(error);
    }
  };
  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} onKeyDown={escapeCloses(onCancel)} noValidate>
      {failure ? <Alert>{failure}</Alert> : null}
      <Field
        id={`realise-${benefitId}-value`}
        label={t('partnership.benefit.realisedValue')}
        error={errors.realisedValue}
        required
      >
        {(c) => <input {...c} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <Field id={`realise-${benefitId}-on`} label={t('partnership.benefit.realisedOn')} error={errors.realisedOn}>
        {(c) => <input {...c} type="date" value={on} onChange={(e) => setOn(e.target.value)} />}
      </Field>
      <FormButtons submit={t('partnership.benefit.realiseSubmit')} onCancel={onCancel} />
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
  const [expectations, setExpectations] = useState('');
  const { errors, failure, setErrors, fromIssues, fromError, clear } = useFormErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();
  const close = () => {
    setOpen(false);
    setActor({ id: null, text: '' });
    setRole('');
    setExpectations('');
    clear();
    focusLater('add-partner-open');
  };
  useEffect(() => {
    if (open) formRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, [open]);
  if (!open) {
    return (
      <button
        type="button"
        id="add-partner-open"
        className="button button-secondary button-small add-partner"
        onClick={() => setOpen(true)}
      >
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
    const body = { actorId: actor.id, role, expectations };
    const checked = partnerInput.safeParse(body);
    if (!checked.success) return fromIssues(checked.error.issues);
    clear();
    try {
      onChanged(await callApi(addPartner, { params: { id: partnershipId }, body }));
      close();
    } catch (error) {
      fromError(error);
    }
  };
  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate>
      {failure ? <Alert>{failure}</Alert> : null}
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
      <Field id="new-partner-expectations" label={t('partnership.partners.expectations')} error={errors.expectations}>
        {(c) => <textarea {...c} rows={2} value={expectations} onChange={(e) => setExpectations(e.target.value)} />}
      </Field>
      <FormButtons submit={t('partnership.form.addPartner')} onCancel={close} />
    </form>
  );
}
