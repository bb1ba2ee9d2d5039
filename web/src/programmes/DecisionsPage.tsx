import { Link, useParams } from 'react-router';
import { programmeRoutes } from '../../../src/modules/programmes/contract';
import { useApiQuery } from '../api/useApi';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { formatInstantDay, ProgrammeShell, StatusBadge } from './parts';

/** The decisions and follow-ups of the programme's meetings, with the actions they created. */
export function DecisionsPage() {
  const { t } = useI18n();
  return (
    <ProgrammeShell section="decisions" title={t('programme.decisions.title')}>
      {(p) => <Decisions programmeId={p.id} />}
    </ProgrammeShell>
  );
}

function Decisions({ programmeId }: { programmeId: string }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const { id = '' } = useParams();
  const decisions = useApiQuery(programmeRoutes.decisions, { params: { id } }, { enabled: Boolean(user) });
  if (!user) return <p className="muted">{t('programme.decisions.signIn')}</p>;
  if (decisions.error) return <ApiErrorAlert error={decisions.error} />;
  if (!decisions.data) return <Loading />;
  const items = decisions.data.items;
  return (
    <>
      <p className="tagline">{t('programme.decisions.intro')}</p>
      {items.length === 0 ? (
        <p className="muted">{t('programme.decisions.empty')}</p>
      ) : (
        <TableWrap labelledBy="decisions-caption">
          <table className="programme-decisions">
            <caption id="decisions-caption" className="visually-hidden">
              {t('programme.decisions.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('programme.decisions.col.date')}</th>
                <th scope="col">{t('programme.decisions.col.meeting')}</th>
                <th scope="col">{t('programme.decisions.col.kind')}</th>
                <th scope="col">{t('programme.decisions.col.text')}</th>
                <th scope="col">{t('programme.decisions.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>{formatInstantDay(d.eventStartsAt, locale)}</td>
                  <td>
                    <Link to={`/evenements/${d.eventId}`}>{d.eventTitle}</Link>
                  </td>
                  <td>{t(`programme.decisions.kind.${d.kind}`)}</td>
                  <th scope="row" className="programme-decision-text">
                    {d.text}
                  </th>
                  <td>
                    {d.actionId && d.actionTitle ? (
                      <>
                        <Link to={`/programmes/${programmeId}/plan`}>{d.actionTitle}</Link>{' '}
                        {d.actionStatus ? <StatusBadge status={d.actionStatus} /> : null}
                      </>
                    ) : (
                      t('programme.decisions.noAction')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
