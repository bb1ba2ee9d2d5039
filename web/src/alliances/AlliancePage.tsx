import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { fieldMessage } from '../../../src/http/messages';
import {
  type AllianceDetail,
  addAllianceBenefit,
  addAllianceContribution,
  addAllianceMember,
  benefitInput,
  contributionInput,
  deleteAllianceBenefit,
  deleteAllianceContribution,
  getAlliance,
  linkAlliancePartnership,
  removeAllianceMember,
  setAllianceConsent,
  unlinkAlliancePartnership,
} from '../../../src/modules/alliances/contract';
import { contributionNatures } from '../../../src/modules/partnerships/vocabulary';
import { actorFamilies } from '../../../src/modules/reference/families';
import { type ApiError, asApiError, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { DialogueOrigin } from '../dialogue/OriginSection';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { type ActorChoice, ActorPicker } from '../ui/ActorPicker';
import { parseAmount } from '../ui/amounts';
import { Chip, SdgChip } from '../ui/chips';
import { Field } from '../ui/Field';
import { Alert, ApiErrorAlert, Loading, useErrorText } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import { AllianceSuggestions } from './AllianceSuggestions';
import { BalanceView } from './BalanceView';
import './alliances.css';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AlliancePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const valid = uuidPattern.test(id);
  const alliance = useApiQuery(getAlliance, { params: { id } }, { enabled: valid });
  usePageTitle(alliance.data?.name ?? t('alliance.title'));
  if (!valid || alliance.error?.status === 404) {
    return (
      <div className="narrow">
        <h1>{t('alliance.notFound')}</h1>
        <p>
          <Link to="/alliances">{t('alliance.back')}</Link>
        </p>
      </div>
    );
  }
  if (alliance.error) return <ApiErrorAlert error={alliance.error} />;
  if (!alliance.data) return <Loading />;
  return <AllianceView alliance={alliance.data} onChange={(a) => (a ? alliance.setData(a) : alliance.reload())} />;
}

type OnChange = (updated?: AllianceDetail) => void;

/** Runs an action, reports its failure, and refreshes the page (and the balance, remounted by `version`). */
function useAction(onChange: OnChange) {
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const run = async (action: () => Promise<AllianceDetail | unknown>) => {
    setError(null);
    try {
      const result = await action();
      onChange(result && typeof result === 'object' && 'members' in result ? (result as AllianceDetail) : undefined);
      setVersion((v) => v + 1);
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    }
  };
  return { error, run, version };
}

function AllianceView({ alliance, onChange }: { alliance: AllianceDetail; onChange: OnChange }) {
  const { t, formatDate } = useI18n();
  const ref = useReference();
  const errorText = useErrorText();
  const { error, run, version } = useAction(onChange);
  const a = alliance;
  const byFamily = actorFamilies
    .map((family) => ({ family, members: a.members.filter((m) => m.family === family) }))
    .filter((g) => g.members.length > 0);
  const canDeclare = a.canEdit || a.ownActorId !== null;

  return (
    <article className="alliance-page">
      <p className="breadcrumb">
        <Link to="/alliances">
          <span aria-hidden="true">← </span>
          {t('alliance.back')}
        </Link>
      </p>
      <div className="page-head">
        <h1>{a.name}</h1>
        {a.canEdit ? (
          <Link className="button button-secondary" to={`/alliances/${a.id}/modifier`}>
            {t('alliance.edit')}
          </Link>
        ) : null}
      </div>
      <DialogueOrigin allianceId={a.id} />
      <p className="status-line">
        <span className="badge">{t(`alliance.status.${a.status}`)}</span>
        <span className={a.publishedAt ? 'badge' : 'badge badge-muted'}>
          {a.publishedAt ? t('alliance.published') : t('alliance.unpublished')}
        </span>
        {a.communes.length ? <span className="muted"> {a.communes.map((c) => c.name).join(', ')}</span> : null}
        {a.startsOn ? (
          <span className="muted">
            {' '}
            · {t('alliance.startsOn')} {formatDate(a.startsOn)}
          </span>
        ) : null}
      </p>
      {a.warnings.includes('singleFamily') ? <Alert kind="warning">{t('alliance.singleFamily')}</Alert> : null}
      {error ? <Alert>{errorText(error)}</Alert> : null}

      <div className="two-columns">
        <section className="card">
          <dl className="facts">
            {a.challenge ? (
              <div>
                <dt>{t('alliance.challenge')}</dt>
                <dd>{a.challenge}</dd>
              </div>
            ) : null}
            {a.objective ? (
              <div>
                <dt>{t('alliance.objective')}</dt>
                <dd>{a.objective}</dd>
              </div>
            ) : null}
            {a.description ? (
              <div>
                <dt>{t('alliance.description')}</dt>
                <dd>{a.description}</dd>
              </div>
            ) : null}
            {a.themes.length ? (
              <div>
                <dt>{t('alliance.themes')}</dt>
                <dd className="chips">
                  {a.themes.map((th) => (
                    <Chip key={th}>{ref.themeLabel(th)}</Chip>
                  ))}
                </dd>
              </div>
            ) : null}
            {a.sdgs.length ? (
              <div>
                <dt>{t('alliance.sdgs')}</dt>
                <dd className="chips">
                  {a.sdgs.map((n) => (
                    <SdgChip key={n} number={n} compact />
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
        </section>

        <section className="card" aria-labelledby="alliance-partnerships">
          <h2 id="alliance-partnerships">{t('alliance.partnerships')}</h2>
          {a.partnerships.length === 0 ? <p className="muted">{t('alliance.partnerships.empty')}</p> : null}
          <ul className="alliance-list">
            {a.partnerships.map((p) => (
              <li key={p.id}>
                <Link to={`/partenariats/${p.id}`}>{p.title}</Link>
                <span className="muted small block">
                  {t(`mode.${p.mode}`)} · {t(`step.${p.currentStep}`)}
                </span>
                {a.canEdit ? (
                  <button
                    type="button"
                    className="link-button small"
                    onClick={() =>
                      run(async () => {
                        await callApi(unlinkAlliancePartnership, { params: { id: a.id, partnershipId: p.id } });
                      })
                    }
                  >
                    {t('alliance.partnerships.unlink')}
                    <span className="visually-hidden"> : {p.title}</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {a.canEdit ? <LinkPartnership alliance={a} run={run} /> : null}
        </section>
      </div>

      <section className="card" aria-labelledby="alliance-members">
        <h2 id="alliance-members">{t('alliance.members')}</h2>
        <p className="muted small">{t('alliance.publication.help')}</p>
        {byFamily.map((g) => (
          <div key={g.family} className="alliance-family">
            <h3>
              <span className={`family-badge family-${g.family}`}>{t(`family.${g.family}`)}</span>
            </h3>
            <ul className="alliance-members">
              {g.members.map((m) => (
                <li key={m.actorId}>
                  <Link to={`/acteurs/${m.actorId}`}>{m.name}</Link>
                  {m.communeName ? <span className="muted"> · {m.communeName}</span> : null}
                  {m.role ? <span className="block">{m.role}</span> : null}
                  <span className="muted small block">
                    {[
                      m.direct ? t('alliance.members.direct') : null,
                      m.via.length ? t('alliance.members.via', { titles: m.via.map((p) => p.title).join(', ') }) : null,
                      m.direct
                        ? m.publishConsent
                          ? t('alliance.members.consent')
                          : t('alliance.members.noConsent')
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {m.direct && (a.canEdit || a.ownActorId === m.actorId) ? (
                    <button
                      type="button"
                      className="link-button small"
                      onClick={() =>
                        run(() =>
                          callApi(setAllianceConsent, {
                            params: { id: a.id, actorId: m.actorId },
                            body: { consent: !m.publishConsent },
                          }),
                        )
                      }
                    >
                      {m.publishConsent ? t('alliance.members.withdrawConsent') : t('alliance.members.giveConsent')}
                      <span className="visually-hidden"> : {m.name}</span>
                    </button>
                  ) : null}
                  {m.direct && a.canEdit ? (
                    <button
                      type="button"
                      className="link-button small alliance-remove"
                      onClick={() => {
                        if (!window.confirm(t('alliance.members.removeConfirm', { name: m.name }))) return;
                        run(async () => {
                          await callApi(removeAllianceMember, { params: { id: a.id, actorId: m.actorId } });
                        });
                      }}
                    >
                      {t('alliance.members.remove')}
                      <span className="visually-hidden"> : {m.name}</span>
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {a.canEdit ? <AddMember alliance={a} run={run} /> : null}
      </section>

      <AllianceSuggestions key={`suggestions-${version}`} alliance={a} run={a.canEdit ? run : undefined} />

      {a.canSeeBalance ? <BalanceView key={version} allianceId={a.id} /> : null}

      {a.canSeeBalance ? (
        <div className="two-columns">
          <Contributions alliance={a} run={run} canDeclare={canDeclare} />
          <Benefits alliance={a} run={run} canDeclare={canDeclare} />
        </div>
      ) : null}
    </article>
  );
}

type Run = (action: () => Promise<unknown>) => Promise<boolean>;

function AddMember({ alliance, run }: { alliance: AllianceDetail; run: Run }) {
  const { t } = useI18n();
  const [actor, setActor] = useState<ActorChoice>({ id: null, text: '' });
  const [role, setRole] = useState('');
  return (
    <form
      className="alliance-inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!actor.id) return;
        const ok = await run(() =>
          callApi(addAllianceMember, { params: { id: alliance.id }, body: { actorId: actor.id as string, role } }),
        );
        if (ok) {
          setActor({ id: null, text: '' });
          setRole('');
        }
      }}
    >
      <h3>{t('alliance.members.add')}</h3>
      <ActorPicker id="alliance-add-member" label={t('alliance.members.actor')} value={actor} onChange={setActor} />
      <Field id="alliance-add-role" label={t('alliance.members.role')}>
        {(control) => <input {...control} type="text" value={role} onChange={(e) => setRole(e.target.value)} />}
      </Field>
      <button type="submit" className="button button-secondary" disabled={!actor.id}>
        {t('alliance.members.addButton')}
      </button>
    </form>
  );
}

function LinkPartnership({ alliance, run }: { alliance: AllianceDetail; run: Run }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState('');
  if (alliance.linkable.length === 0) return <p className="muted small">{t('alliance.partnerships.noneLinkable')}</p>;
  return (
    <form
      className="alliance-inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!choice) return;
        if (
          await run(() =>
            callApi(linkAlliancePartnership, { params: { id: alliance.id }, body: { partnershipId: choice } }),
          )
        ) {
          setChoice('');
        }
      }}
    >
      <Field id="alliance-link" label={t('alliance.partnerships.link')}>
        {(control) => (
          <select {...control} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">—</option>
            {alliance.linkable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({t(`mode.${p.mode}`)})
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button-secondary" disabled={!choice}>
        {t('alliance.partnerships.linkButton')}
      </button>
    </form>
  );
}

/** The members a caller may declare for: staff any member, a member its own organisation. */
function declarable(alliance: AllianceDetail) {
  return alliance.canEdit ? alliance.members : alliance.members.filter((m) => m.actorId === alliance.ownActorId);
}

function useFieldErrors() {
  const { locale } = useI18n();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fromIssues = (issues: { path: PropertyKey[]; message: string }[]) => {
    const out: Record<string, string> = {};
    for (const i of issues) out[i.path.map(String).join('.') || 'form'] ??= fieldMessage(i.message, locale);
    setErrors(out);
    return Object.keys(out).length === 0;
  };
  return { errors, setErrors, fromIssues };
}

/** The member an item is declared for. */
function MemberField({
  id,
  members,
  value,
  onChange,
}: {
  id: string;
  members: AllianceDetail['members'];
  value: string;
  onChange(actorId: string): void;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={t('alliance.item.actor')}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {members.map((m) => (
            <option key={m.actorId} value={m.actorId}>
              {m.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function DescriptionField({
  id,
  error,
  value,
  onChange,
}: {
  id: string;
  error: string | undefined;
  value: string;
  onChange(description: string): void;
}) {
  const { t } = useI18n();
  return (
    <Field id={id} label={t('alliance.item.description')} required error={error}>
      {(control) => <input {...control} type="text" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A sum in euros or a number of hours, zero or more; empty when unknown. */
function AmountField({
  id,
  label,
  step,
  error,
  value,
  onChange,
}: {
  id: string;
  label: string;
  step: string;
  error: string | undefined;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <Field id={id} label={label} error={error}>
      {(control) => (
        <input
          {...control}
          type="number"
          min={0}
          step={step}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function DeleteItemButton({ description, onClick }: { description: string; onClick(): void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="link-button small" onClick={onClick}>
      {t('alliance.item.delete')}
      <span className="visually-hidden"> : {description}</span>
    </button>
  );
}

function Contributions({ alliance, run, canDeclare }: { alliance: AllianceDetail; run: Run; canDeclare: boolean }) {
  const { t, formatEuros, formatNumber } = useI18n();
  const members = declarable(alliance);
  const [actorId, setActorId] = useState(members[0]?.actorId ?? '');
  const [nature, setNature] = useState<(typeof contributionNatures)[number]>('financial');
  const [description, setDescription] = useState('');
  const [value, setValue] = useState('');
  const [hours, setHours] = useState('');
  const { errors, setErrors, fromIssues } = useFieldErrors();
  const mayDelete = (owner: string) => alliance.canEdit || owner === alliance.ownActorId;
  return (
    <section className="card" aria-labelledby="alliance-contributions">
      <h2 id="alliance-contributions">{t('alliance.contributions')}</h2>
      {alliance.contributions.length === 0 ? <p className="muted">{t('alliance.contributions.empty')}</p> : null}
      <ul className="alliance-list">
        {alliance.contributions.map((c) => (
          <li key={c.id}>
            <strong>{c.actorName}</strong> — {c.description}
            <span className="muted small block">
              {t(`nature.${c.nature}`)}
              {c.value !== null ? ` · ${formatEuros(c.value)}` : ''}
              {c.hours !== null ? ` · ${t('alliance.item.hoursValue', { hours: formatNumber(c.hours) })}` : ''}
            </span>
            {mayDelete(c.actorId) ? (
              <DeleteItemButton
                description={c.description}
                onClick={() =>
                  run(() => callApi(deleteAllianceContribution, { params: { id: alliance.id, itemId: c.id } }))
                }
              />
            ) : null}
          </li>
        ))}
      </ul>
      {canDeclare && members.length ? (
        <form
          className="alliance-inline-form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const body = { actorId, nature, description, value: parseAmount(value), hours: parseAmount(hours) };
            const parsed = contributionInput.safeParse(body);
            if (!fromIssues(parsed.success ? [] : parsed.error.issues)) return;
            const ok = await run(() => callApi(addAllianceContribution, { params: { id: alliance.id }, body }));
            if (ok) {
              setDescription('');
              setValue('');
              setHours('');
              setErrors({});
            }
          }}
        >
          <h3>{t('alliance.contribution.add')}</h3>
          <MemberField id="contribution-actor" members={members} value={actorId} onChange={setActorId} />
          <Field id="contribution-nature" label={t('alliance.item.nature')}>
            {(control) => (
              <select {...control} value={nature} onChange={(e) => setNature(e.target.value as typeof nature)}>
                {contributionNatures.map((n) => (
                  <option key={n} value={n}>
                    {t(`nature.${n}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <DescriptionField
            id="contribution-description"
            error={errors.description}
            value={description}
            onChange={setDescription}
          />
          <AmountField
            id="contribution-value"
            label={t('alliance.item.value')}
            step="0.01"
            error={errors.value}
            value={value}
            onChange={setValue}
          />
          <AmountField
            id="contribution-hours"
            label={t('alliance.item.hours')}
            step="0.5"
            error={errors.hours}
            value={hours}
            onChange={setHours}
          />
          <button type="submit" className="button button-secondary">
            {t('alliance.item.save')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function Benefits({ alliance, run, canDeclare }: { alliance: AllianceDetail; run: Run; canDeclare: boolean }) {
  const { t, formatEuros, formatDate } = useI18n();
  const members = declarable(alliance);
  const [actorId, setActorId] = useState(members[0]?.actorId ?? '');
  const [description, setDescription] = useState('');
  const [expected, setExpected] = useState('');
  const [realised, setRealised] = useState('');
  const [realisedOn, setRealisedOn] = useState('');
  const { errors, setErrors, fromIssues } = useFieldErrors();
  const mayDelete = (owner: string) => alliance.canEdit || owner === alliance.ownActorId;
  return (
    <section className="card" aria-labelledby="alliance-benefits">
      <h2 id="alliance-benefits">{t('alliance.benefits')}</h2>
      {alliance.benefits.length === 0 ? <p className="muted">{t('alliance.benefits.empty')}</p> : null}
      <ul className="alliance-list">
        {alliance.benefits.map((b) => (
          <li key={b.id}>
            <strong>{b.actorName}</strong> — {b.description}
            <span className="muted small block">
              {b.expectedValue !== null ? `${t('balance.expected')} ${formatEuros(b.expectedValue)}` : ''}
              {b.realisedValue !== null ? ` · ${t('balance.realised')} ${formatEuros(b.realisedValue)}` : ''}
              {b.realisedOn ? ` (${formatDate(b.realisedOn)})` : ''}
            </span>
            {mayDelete(b.actorId) ? (
              <DeleteItemButton
                description={b.description}
                onClick={() => run(() => callApi(deleteAllianceBenefit, { params: { id: alliance.id, itemId: b.id } }))}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {canDeclare && members.length ? (
        <form
          className="alliance-inline-form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const body = {
              actorId,
              description,
              expectedValue: parseAmount(expected),
              realisedValue: parseAmount(realised),
              realisedOn: realisedOn || null,
            };
            const parsed = benefitInput.safeParse(body);
            if (!fromIssues(parsed.success ? [] : parsed.error.issues)) return;
            const ok = await run(() => callApi(addAllianceBenefit, { params: { id: alliance.id }, body }));
            if (ok) {
              setDescription('');
              setExpected('');
              setRealised('');
              setRealisedOn('');
              setErrors({});
            }
          }}
        >
          <h3>{t('alliance.benefit.add')}</h3>
          <MemberField id="benefit-actor" members={members} value={actorId} onChange={setActorId} />
          <DescriptionField
            id="benefit-description"
            error={errors.description}
            value={description}
            onChange={setDescription}
          />
          <AmountField
            id="benefit-expected"
            label={t('alliance.item.expected')}
            step="0.01"
            error={errors.expectedValue}
            value={expected}
            onChange={setExpected}
          />
          <AmountField
            id="benefit-realised"
            label={t('alliance.item.realised')}
            step="0.01"
            error={errors.realisedValue}
            value={realised}
            onChange={setRealised}
          />
          <Field id="benefit-realised-on" label={t('alliance.item.realisedOn')} error={errors.realisedOn}>
            {(control) => (
              <input {...control} type="date" value={realisedOn} onChange={(e) => setRealisedOn(e.target.value)} />
            )}
          </Field>
          <button type="submit" className="button button-secondary">
            {t('alliance.item.save')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
