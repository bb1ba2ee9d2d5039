import { openDataRoutes } from '../../../src/modules/open-data/contract';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { TableWrap } from '../ui/TableWrap';
import { usePageTitle } from '../ui/usePageTitle';
import './open-data.css';

const licenceUrl = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

const files = [
  { dataset: 'actors', csv: openDataRoutes.actorsCsv, schema: openDataRoutes.actorsSchema },
  { dataset: 'partnerships', csv: openDataRoutes.partnershipsCsv, schema: openDataRoutes.partnershipsSchema },
] as const;

/** One file: what it holds, its download links and its fields as its schema describes them. */
function OpenDataFile({ file }: { file: (typeof files)[number] }) {
  const { t } = useI18n();
  const schema = useApiQuery(file.schema, {});
  const headingId = `open-data-${file.dataset}`;
  const fieldsId = `${headingId}-fields`;
  return (
    <section className="open-data-file" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`openData.${file.dataset}.title`)}</h2>
      <p>{t(`openData.${file.dataset}.description`)}</p>
      <p className="open-data-links">
        <a className="button" href={file.csv.path} download>
          {t('openData.download')}
        </a>
        <a href={file.schema.path}>{t('openData.schema')}</a>
      </p>
      {schema.error ? <ApiErrorAlert error={schema.error} /> : null}
      {!schema.data && schema.loading ? <Loading /> : null}
      {schema.data ? (
        <TableWrap labelledBy={fieldsId}>
          <table>
            <caption id={fieldsId}>{t('openData.fields')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('openData.col.name')}</th>
                <th scope="col">{t('openData.col.title')}</th>
                <th scope="col">{t('openData.col.description')}</th>
              </tr>
            </thead>
            <tbody>
              {schema.data.fields.map((field) => (
                <tr key={field.name}>
                  <th scope="row">
                    <code>{field.name}</code>
                  </th>
                  <td>{String(field.title ?? '')}</td>
                  <td>{String(field.description ?? '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}

/** The open data files, for anyone: public records as CSV with their documented schemas, under Etalab's licence. */
export function OpenDataPage() {
  const { t } = useI18n();
  usePageTitle(t('openData.title'));
  return (
    <div className="open-data-page">
      <h1>{t('openData.title')}</h1>
      <p className="tagline">{t('openData.intro')}</p>
      <p>{t('openData.privacy')}</p>
      <p>
        <a href={licenceUrl}>{t('openData.licence')}</a>
      </p>
      {files.map((file) => (
        <OpenDataFile key={file.dataset} file={file} />
      ))}
    </div>
  );
}
