import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  maxIntroductionLength,
  maxOpenQuestionsLength,
  type ReviewView,
  reviewRoutes,
} from '../../../src/modules/reviews/contract';
import { type ApiError, asApiError, buildUrl, callApi } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { Alert, ApiErrorAlert, fieldTexts, Loading } from '../ui/feedback';
import { TextField } from '../ui/TextField';
import { usePageTitle } from '../ui/usePageTitle';
import { ReviewDocumentView } from './ReviewDocumentView';
import './reviews.css';

/**
 * A programme's annual review for readers (`/programmes/:id/bilans/:year`): the year select, the PDF and DOCX
 * downloads, for staff the three texts to write and the publication, and the preview of the whole document.
 */
export function ReviewPage() {
  const { id = '', year = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const review = useApiQuery(reviewRoutes.get, { params: { id, year: Number(year) } });
  const view = review.data;
  usePageTitle(view ? t('review.title', { year: view.year, programme: view.programmeName }) : t('review.link'));
  const params = { id, year: Number(year) };
  return (
    <div className="review-page">
      <p className="breadcrumb">
        <Link to={`/programmes/${id}`}>{view?.programmeName ?? t('review.link')}</Link>
      </p>
      <h1>{view ? t('review.title', { year: view.year, programme: view.programmeName }) : t('review.link')}</h1>
      <p className="muted">{t('review.intro')}</p>
      {review.error ? <ApiErrorAlert error={review.error} /> : null}
      {!view && !review.error ? <Loading /> : null}
      {view ? (
        <>
          <div className="review-toolbar">
            <label className="review-year">
              {t('review.year')}{' '}
              <select value={view.year} onChange={(e) => navigate(`/programmes/${id}/bilans/${e.target.value}`)}>
                {view.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <a className="button" href={buildUrl(reviewRoutes.pdf.path, params)} download>
              {t('review.pdf')}
            </a>
            <a className="button button-secondary" href={buildUrl(reviewRoutes.docx.path, params)} download>
              {t('review.docx')}
            </a>
          </div>
          {view.canEdit ? (
            <>
              <TextsForm key={view.year} view={view} onSaved={review.setData} />
              <Publication view={view} onChanged={review.setData} />
            </>
          ) : (
            <PublicationStatus view={view} />
          )}
          <h2 className="review-preview-title">{t('review.preview')}</h2>
          <ReviewDocumentView
            document={view.document}
            chartUrl={(name) => buildUrl(reviewRoutes.chart.path, { ...params, name })}
          />
        </>
      ) : null}
    </div>
  );
}

function TextsForm({ view, onSaved }: { view: ReviewView; onSaved: (v: ReviewView) => void }) {
  const { t, locale } = useI18n();
  const [texts, setTexts] = useState({
    introduction: view.introduction,
    conclusion: view.conclusion,
    openQuestions: view.openQuestions,
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = error ? fieldTexts(error, locale) : {};
  const set = (field: keyof typeof texts) => (value: string) => {
    setTexts((x) => ({ ...x, [field]: value }));
    setSaved(false);
  };
  return (
    <form
      className="review-texts"
      aria-labelledby="review-texts"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        setError(null);
        try {
          onSaved(
            await callApi(reviewRoutes.updateTexts, { params: { id: view.programmeId, year: view.year }, body: texts }),
          );
          setSaved(true);
        } catch (err) {
          setError(asApiError(err));
        } finally {
          setSaving(false);
        }
      }}
    >
      <h2 id="review-texts">{t('review.texts')}</h2>
      {error && Object.keys(errors).length === 0 ? <ApiErrorAlert error={error} /> : null}
      {textFields.map(({ name, id, rows, maxLength }) => (
        <TextField
          key={name}
          id={id}
          label={t(`review.${name}`)}
          kind="textarea"
          rows={rows}
          maxLength={maxLength}
          value={texts[name]}
          onChange={set(name)}
          hint={t(`review.${name}Hint`)}
          error={errors[name]}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {t('review.save')}
        </button>
        {saved ? <span role="status">{t('review.saved')}</span> : null}
      </div>
    </form>
  );
}

/** The three texts staff write, in the order of the form (the document puts the conclusion last). */
const textFields = [
  { name: 'introduction', id: 'review-introduction', rows: 6, maxLength: maxIntroductionLength },
  { name: 'openQuestions', id: 'review-open-questions', rows: 5, maxLength: maxOpenQuestionsLength },
  { name: 'conclusion', id: 'review-conclusion', rows: 5, maxLength: maxIntroductionLength },
] as const;

function PublicationStatus({ view }: { view: ReviewView }) {
  const { t, formatDate } = useI18n();
  return (
    <>
      <p>
        {view.publishedAt ? t('review.published', { date: formatDate(view.publishedAt) }) : t('review.unpublished')}
      </p>
      {view.publishedAt ? (
        <p>
          <Link to={`/bilans/${view.programmeSlug}/${view.year}`}>{t('review.publicLink')}</Link>
        </p>
      ) : null}
    </>
  );
}

function Publication({ view, onChanged }: { view: ReviewView; onChanged: (v: ReviewView) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const published = view.publishedAt !== null;
  return (
    <section className="review-publication" aria-labelledby="review-publication">
      <h2 id="review-publication">{t('review.publication')}</h2>
      <PublicationStatus view={view} />
      <Alert kind="info">{t('review.publicStatement')}</Alert>
      {error ? <ApiErrorAlert error={error} /> : null}
      <button
        type="button"
        className={published ? 'button button-secondary' : 'button'}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            onChanged(
              await callApi(reviewRoutes.publish, {
                params: { id: view.programmeId, year: view.year },
                body: { published: !published },
              }),
            );
          } catch (err) {
            setError(asApiError(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        {published ? t('review.unpublish') : t('review.publish')}
      </button>
    </section>
  );
}
