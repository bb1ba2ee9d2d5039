import type { ChartName, ReviewBlock, ReviewDocument } from '../../../src/modules/reviews/contract';
import { useI18n } from '../i18n';
import { TableWrap } from '../ui/TableWrap';

/**
 * The review's document as a web page: the same model the PDF and the DOCX draw (server-side compose.ts), its charts
 * as the SVG pictures the server renders from the dashboard's chart options (`chartUrl`).
 */
export function ReviewDocumentView({
  document,
  chartUrl,
  titleAsPageHeading = false,
}: {
  document: ReviewDocument;
  chartUrl: (name: ChartName) => string;
  /** On the public page the document is the page: its title is the page's h1. */
  titleAsPageHeading?: boolean;
}) {
  const { t, formatDate } = useI18n();
  const label = (s: ReviewDocument['sections'][number]) => (s.number === null ? s.title : `${s.number}. ${s.title}`);
  return (
    <article className="review-document" lang="fr">
      <header className="review-cover">
        <p className="review-programme">{document.programmeName}</p>
        {titleAsPageHeading ? (
          <h1 className="review-title">{document.title}</h1>
        ) : (
          <h2 className="review-title">{document.title}</h2>
        )}
        <p className="review-subtitle">{document.subtitle}</p>
        <p className="muted">{t('review.generatedOn', { date: formatDate(document.generatedOn) })}</p>
      </header>
      <nav className="review-contents" aria-labelledby="review-contents">
        <h2 id="review-contents">{t('review.contents')}</h2>
        <ol>
          {document.sections.map((s) => (
            <li key={s.id}>
              <a href={`#bilan-${s.id}`}>{label(s)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {document.sections.map((s) => (
        <section key={s.id} id={`bilan-${s.id}`} className="review-section" aria-labelledby={`bilan-${s.id}-title`}>
          <h2 id={`bilan-${s.id}-title`}>{label(s)}</h2>
          {s.blocks.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity beyond their place in the section
            <Block key={i} block={b} chartUrl={chartUrl} titleId={`bilan-${s.id}-title`} />
          ))}
        </section>
      ))}
    </article>
  );
}

function Block({
  block,
  chartUrl,
  titleId,
}: {
  block: ReviewBlock;
  chartUrl: (name: ChartName) => string;
  /** The section's title, which names its tables' scrolling regions. */
  titleId: string;
}) {
  switch (block.kind) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'subheading':
      return <h3>{block.text}</h3>;
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two items may read alike (two meetings of the same name)
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'keyFigures':
      return (
        <dl className="review-key-figures">
          {block.items.map((k) => (
            <div key={k.label}>
              <dt>{k.label}</dt>
              <dd>{k.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return (
        <TableWrap labelledBy={titleId}>
          <table className="review-table">
            <thead>
              <tr>
                {block.columns.map((c, i) => (
                  <th key={c} scope="col" className={block.numeric[i] ? 'numeric' : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are shown in the order the server composed them
                  key={r}
                  className={block.totalRow && r === block.rows.length - 1 ? 'total' : undefined}
                >
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={block.columns[c]} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={block.columns[c]} className={block.numeric[c] ? 'numeric' : undefined}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      );
    case 'chart':
      return (
        <figure className="review-chart">
          <figcaption>{block.title}</figcaption>
          {/* The figcaption names the chart and the table next to it holds its figures: the image adds nothing to read. */}
          <img src={chartUrl(block.name)} alt="" width={470} height={250} loading="lazy" />
        </figure>
      );
  }
}
