import { useId, useState } from 'react';
import {
  type ListExportFormat,
  type ListExportRoutes,
  listExportCaps,
  listExportFormats,
} from '../../../../src/http/list-export-contract';
import { type ApiError, asApiError, buildUrl } from '../../api/client';
import { useI18n } from '../../i18n';
import { ApiErrorAlert } from '../feedback';
import { downloadFile } from './download';
import './export.css';

/** Past this share of a format's cap, the server may well refuse the file: it is fetched so the refusal can show. */
const nearCap = 0.8;

/**
 * « Exporter : CSV · Excel (XLSX) » for a list: download links whose address carries the list's current filters (the
 * same query the list sends, without its page), so the file holds every row the filters select, in the list's order.
 * With the list's count when it knows it; past a format's cap, its link gives way to a hint. When the server may
 * refuse the file (an estimated or unknown count, a count near the cap, a list behind sign-in whose session may have
 * expired), the link downloads through fetch and the refusal is shown here rather than as a raw JSON page.
 */
export function ExportLinks({
  routes,
  query,
  count,
  exact = true,
}: {
  routes: ListExportRoutes;
  /** The list's query without its paging. */
  query: Record<string, unknown>;
  /** Rows the file will hold, when the list knows it. */
  count?: number;
  /** False when the count is an estimate (a large directory). */
  exact?: boolean;
}) {
  const { t, tn, formatNumber } = useI18n();
  const labelId = useId();
  const countId = useId();
  const [failure, setFailure] = useState<{ href: string; error: ApiError } | null>(null);
  const [busy, setBusy] = useState<ListExportFormat | null>(null);
  const rows = count === undefined ? null : tn('listExport.rows', count);
  const hrefOf = (format: ListExportFormat) => buildUrl(routes[format].path, undefined, query);
  const formats = listExportFormats.filter((format) => count === undefined || count <= listExportCaps[format]);
  const mayBeRefused = (format: ListExportFormat) =>
    !exact || count === undefined || count > nearCap * listExportCaps[format] || routes[format].access !== 'public';

  const download = (format: ListExportFormat) => {
    const href = hrefOf(format);
    setFailure(null);
    setBusy(format);
    downloadFile(href, `export.${format}`)
      .catch((error: unknown) => setFailure({ href, error: asApiError(error) }))
      .finally(() => setBusy(null));
  };
  // A refusal is shown while the filters stay those it was for.
  const shownFailure = failure && listExportFormats.some((f) => hrefOf(f) === failure.href) ? failure.error : null;

  return (
    <div className="list-export-block">
      {/* biome-ignore lint/a11y/useSemanticElements: a group of two links, not a form's fieldset */}
      <div className="list-export" role="group" aria-labelledby={labelId}>
        <span id={labelId} className="list-export-title">
          {t('listExport.title')}
        </span>
        {formats.length === 0 ? (
          <span className="list-export-hint">{t('listExport.tooMany', { max: formatNumber(listExportCaps.csv) })}</span>
        ) : (
          formats.map((format) => (
            <a
              key={format}
              className="button button-secondary button-small"
              href={hrefOf(format)}
              download
              aria-label={t(`listExport.${format}Label`)}
              aria-describedby={rows ? countId : undefined}
              aria-busy={busy === format || undefined}
              onClick={(event) => {
                if (!mayBeRefused(format)) return;
                event.preventDefault();
                if (busy === null) download(format);
              }}
            >
              {t(`listExport.${format}`)}
            </a>
          ))
        )}
        {rows && formats.length > 0 ? (
          <span id={countId} className="list-export-count">
            {exact ? rows : t('listExport.approximately', { count: rows })}
          </span>
        ) : null}
        {formats.length > 0 && !formats.includes('xlsx') ? (
          <span className="list-export-hint">
            {t('listExport.xlsxTooMany', { max: formatNumber(listExportCaps.xlsx) })}
          </span>
        ) : null}
      </div>
      {shownFailure ? <ApiErrorAlert error={shownFailure} /> : null}
    </div>
  );
}
