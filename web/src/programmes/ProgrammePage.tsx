import { Link } from 'react-router';
import type {
  IndicatorView,
  ParticipantView,
  ProgrammeDetail,
  SteeringMemberView,
} from '../../../src/modules/programmes/contract';
import { committees } from '../../../src/modules/programmes/vocabulary';
import { actorFamilies } from '../../../src/modules/reference/families';
import { formatEventDates, KindBadge } from '../events/parts';
import { ProgrammeCallsSection } from '../funding/calendar/SuitedCalls';
import { useI18n } from '../i18n';
import { ReviewLink } from '../reviews/ReviewLink';
import { TableWrap } from '../ui/TableWrap';
import { formatDay, ProgrammeShell, today } from './parts';

/** A programme's overview: territories, phases, participants, steering committee, meetings, objectives, templates. */
export function ProgrammePage() {
  const { t } = useI18n();
  return (
    <ProgrammeShell
      section="overview"
      actions={(p) =>
        p.canEdit ? (
          <>
            <Link className="button" to={`/programmes/${p.id}/modifier`}>
              {t('programme.edit')}
            </Link>
            <Link className="button button-secondary" to={`/programmes/${p.id}/essaimer`}>
              {t('programme.replicate')}
            </Link>
          </>
        ) : null
      }
    >
      {(p) => <Overview p={p} />}
    </ProgrammeShell>
  );
}

function Overview({ p }: { p: ProgrammeDetail }) {
  const { t, locale } = useI18n();
  const c = p.actionCounts;
  return (
    <>
      <p className="programme-dates">
        {t('programme.period', { from: formatDay(p.startsOn, locale), to: formatDay(p.endsOn, locale) })}
      </p>
      {p.description ? <p className="programme-description">{p.description}</p> : null}
      <p>
        <Link to={`/programmes/${p.id}/plan`}>
          {t('programme.actions.summary', {
            planned: c.planned,
            inProgress: c.inProgress,
            done: c.done,
            late: c.late,
          })}
        </Link>
      </p>
      <ReviewLink p={p} />
      <Phases p={p} />
      <Territories p={p} />
      <ProgrammeCallsSection programmeId={p.id} />
      <Participants p={p} />
      <Steering p={p} />
      <Meetings p={p} />
      <Objectives p={p} />
      <Templates p={p} />
    </>
  );
}

function Territories({ p }: { p: ProgrammeDetail }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="programme-territories">
      <h2 id="programme-territories">{t('programme.territories')}</h2>
      {p.territories.length === 0 ? <p className="muted">{t('programme.territories.empty')}</p> : null}
      <ul className="programme-territories">
        {p.territories.map((tr) => (
          <li key={tr.id} className="card">
            <h3>{tr.name}</h3>
            <dl className="facts">
              {tr.themeLabel ? (
                <div>
                  <dt>{t('programme.theme')}</dt>
                  <dd>{tr.themeLabel}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('programme.communes')}</dt>
                <dd>{tr.communes.map((x) => x.name).join(', ')}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The phases as a band, left to right; the one holding today is marked (by text too, not colour only). */
function Phases({ p }: { p: ProgrammeDetail }) {
  const { t, locale } = useI18n();
  const now = today();
  return (
    <section aria-labelledby="programme-phases">
      <h2 id="programme-phases">{t('programme.phases')}</h2>
      {p.phases.length === 0 ? (
        <p className="muted">{t('programme.phases.empty')}</p>
      ) : (
        <ol className="programme-phase-band">
          {p.phases.map((ph) => {
            const current = ph.startsOn <= now && now <= ph.endsOn;
            return (
              <li
                key={ph.id}
                className={current ? 'programme-phase programme-phase-current' : 'programme-phase'}
                aria-current={current ? 'step' : undefined}
              >
                <h3>
                  {ph.name}
                  {current ? <span className="badge">{t('programme.phase.current')}</span> : null}
                </h3>
                <p className="small">
                  {t('programme.period', {
                    from: formatDay(ph.startsOn, locale),
                    to: formatDay(ph.endsOn, locale),
                  })}
                </p>
                {ph.objectives ? <p className="programme-phase-objectives">{ph.objectives}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Items grouped by territory, in the programme's order of territories, those without one last. */
export function byTerritory<T extends { territoryId: string | null }>(p: ProgrammeDetail, items: T[]) {
  const groups = p.territories.map((tr) => ({
    id: tr.id as string | null,
    name: tr.name,
    items: items.filter((i) => i.territoryId === tr.id),
  }));
  const known = new Set(p.territories.map((tr) => tr.id));
  groups.push({ id: null, name: '', items: items.filter((i) => !i.territoryId || !known.has(i.territoryId)) });
  return groups.filter((g) => g.items.length > 0);
}

function Participants({ p }: { p: ProgrammeDetail }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="programme-participants">
      <h2 id="programme-participants">{t('programme.participants')}</h2>
      {p.participants.length === 0 ? <p className="muted">{t('programme.participants.empty')}</p> : null}
      <div className="programme-groups">
        {byTerritory<ParticipantView>(p, p.participants).map((g) => (
          <div key={g.id ?? 'none'} className="card">
            <h3>{g.id ? g.name : t('programme.participants.noTerritory')}</h3>
            <ul>
              {g.items.map((a) => (
                <li key={a.actorId}>
                  <Link to={`/acteurs/${a.actorId}`}>{a.name}</Link>{' '}
                  <span className={`family-badge family-${a.family}`}>{t(`family.${a.family}`)}</span>
                  {a.role ? <span className="muted"> — {a.role}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function Steering({ p }: { p: ProgrammeDetail }) {
  const { t } = useI18n();
  const territoryName = (id: string | null) => p.territories.find((tr) => tr.id === id)?.name;
  return (
    <section aria-labelledby="programme-steering">
      <h2 id="programme-steering">{t('programme.steering')}</h2>
      {p.steering.length === 0 ? <p className="muted">{t('programme.steering.empty')}</p> : null}
      <div className="programme-groups">
        {committees.map((committee) => {
          const seats = p.steering.filter((s) => s.committee === committee);
          if (seats.length === 0) return null;
          return (
            <div key={committee} className="card">
              <h3>{t(`programme.committee.${committee}`)}</h3>
              {actorFamilies.map((family) => {
                const ofFamily: SteeringMemberView[] = seats.filter((s) => s.family === family);
                if (ofFamily.length === 0) return null;
                return (
                  <div key={family}>
                    <h4>{t(`family.${family}`)}</h4>
                    <ul>
                      {ofFamily.map((s) => (
                        <li key={s.id}>
                          {s.role}
                          {s.actorId && s.actorName ? (
                            <>
                              {' — '}
                              <Link to={`/acteurs/${s.actorId}`}>{s.actorName}</Link>
                            </>
                          ) : null}
                          {territoryName(s.territoryId) ? (
                            <span className="muted"> ({territoryName(s.territoryId)})</span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </section>
  );
}

function Meetings({ p }: { p: ProgrammeDetail }) {
  const { t, tn, locale } = useI18n();
  return (
    <div className="programme-block">
      <h2 id="programme-meetings">{t('programme.meetings')}</h2>
      {p.meetings.length === 0 ? (
        <p className="muted">{t('programme.meetings.empty')}</p>
      ) : (
        <TableWrap labelledBy="programme-meetings">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('programme.meetings.when')}</th>
                <th scope="col">{t('programme.meetings.title')}</th>
                <th scope="col">{t('programme.meetings.kind')}</th>
                <th scope="col">{t('programme.meetings.attendance')}</th>
              </tr>
            </thead>
            <tbody>
              {p.meetings.map((m) => (
                <tr key={m.id}>
                  <td>{formatEventDates(m.startsAt, m.endsAt, locale)}</td>
                  <th scope="row">
                    <Link to={`/evenements/${m.id}`}>{m.title}</Link>
                    {m.status !== 'planned' ? (
                      <span className="badge badge-muted">{t(`event.status.${m.status}`)}</span>
                    ) : null}
                  </th>
                  <td>
                    <KindBadge kind={m.kind} />
                  </td>
                  <td>{tn('programme.meetings.attendance', m.attendance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}

function Objectives({ p }: { p: ProgrammeDetail }) {
  const { t } = useI18n();
  const phaseName = (id: string | null) => p.phases.find((ph) => ph.id === id)?.name;
  return (
    <section aria-labelledby="programme-objectives">
      <h2 id="programme-objectives">{t('programme.objectives')}</h2>
      {p.objectives.length === 0 ? <p className="muted">{t('programme.objectives.empty')}</p> : null}
      {p.objectives.map((o) => (
        <div key={o.id} className="card">
          <h3>
            {o.title}
            {phaseName(o.phaseId) ? <span className="badge badge-muted">{phaseName(o.phaseId)}</span> : null}
          </h3>
          {o.description ? <p>{o.description}</p> : null}
          {o.indicators.length ? (
            <ul className="programme-indicators">
              {o.indicators.map((i) => (
                <Indicator key={i.id} indicator={i} />
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </section>
  );
}

/** An indicator: its value against its target, as text and as a bar; and where the value comes from. */
function Indicator({ indicator: i }: { indicator: IndicatorView }) {
  const { t, formatNumber } = useI18n();
  const unit = i.unit ? `\u00a0${i.unit}` : '';
  const text =
    i.value === null
      ? t('programme.indicator.noValue')
      : i.target === null
        ? t('programme.indicator.noTarget', { value: `${formatNumber(i.value)}${unit}` })
        : t('programme.indicator.value', { value: formatNumber(i.value), target: `${formatNumber(i.target)}${unit}` });
  const counted = i.source !== 'manual';
  return (
    <li className="programme-indicator">
      <span className="programme-indicator-label">{i.label}</span>
      {i.progress !== null ? (
        <progress
          max={1}
          value={Math.min(1, i.progress)}
          aria-label={t('programme.indicator.progress', { label: i.label })}
        />
      ) : null}
      <span>{text}</span>
      <span className="muted small">{counted ? t('programme.indicator.counted') : t('programme.indicator.typed')}</span>
    </li>
  );
}

function Templates({ p }: { p: ProgrammeDetail }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="programme-templates">
      <h2 id="programme-templates">{t('programme.templates')}</h2>
      {p.eventTemplates.length === 0 ? <p className="muted">{t('programme.templates.empty')}</p> : null}
      <ul className="programme-templates">
        {p.eventTemplates.map((tpl) => (
          <li key={tpl.id} className="card">
            <p className="event-meta">
              <KindBadge kind={tpl.kind} />
            </p>
            <h3>{tpl.title}</h3>
            <p className="small">
              {t('programme.templates.suggested', { date: formatDay(tpl.suggestedOn, locale) })} ·{' '}
              {t('programme.templates.duration', { minutes: tpl.durationMinutes })}
            </p>
            {p.canEdit ? (
              <Link
                className="button button-small"
                to={`/evenements/nouveau?programme=${p.id}&modele=${tpl.id}`}
                aria-label={t('programme.templates.planNamed', { title: tpl.title })}
              >
                {t('programme.templates.plan')}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
