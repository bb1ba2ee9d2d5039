import type { EChartsOption } from 'echarts';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useRef } from 'react';
import { type ChartFilter, filterOfDatum, tableOf } from '../../../src/modules/dashboard/charts';
import { useI18n } from '../i18n';
import { TableWrap } from '../ui/TableWrap';

// Only what the dashboard draws, so that the chart library stays small (and out of the main bundle: the pages that
// use it are lazy). SVG: crisp at any zoom, and alike the review's server-side pictures.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** An ECharts option drawn in a box that follows its size; a click on an element that carries a filter selects it. */
function EChart({
  option,
  label,
  onSelect,
}: {
  option: EChartsOption;
  label: string;
  onSelect?: (f: ChartFilter) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      const filter = filterOfDatum(params.data);
      if (filter) select.current?.(filter);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="dashboard-chart-canvas" role="img" aria-label={label} />;
}

interface ChartCardProps {
  /** A stable name (`participants`, `eventsByYear`…): the card's data-chart attribute. */
  name: string;
  title: string;
  option: EChartsOption;
  /** The table's first column heading. */
  categoryHead: string;
  onSelect?: (filter: ChartFilter) => void;
  /** A line under the chart (an average, a budget…). */
  note?: string;
  /** What an empty chart says, if not the common « no data for these filters ». */
  emptyText?: string;
  wide?: boolean;
}

/**
 * A chart with its heading and « Voir les données »: the same figures as a table, whose categories are buttons when
 * a click on the chart filters (so the keyboard filters too). Nothing to draw: an empty state instead.
 */
export function ChartCard({ name, title, option, categoryHead, onSelect, note, emptyText, wide }: ChartCardProps) {
  const { t, formatNumber } = useI18n();
  const headingId = useId();
  const table = tableOf(option, categoryHead);
  const empty = table.rows.every((row) => row.slice(1).every((v) => !v));
  return (
    <section
      className={`dashboard-card${wide ? ' dashboard-card-wide' : ''}`}
      aria-labelledby={headingId}
      data-chart={name}
      data-rows={JSON.stringify(table.rows)}
    >
      <h2 id={headingId}>{title}</h2>
      {empty ? (
        <p className="empty-state dashboard-empty">{emptyText ?? t('dashboard.empty')}</p>
      ) : (
        <>
          <EChart option={option} label={title} {...(onSelect ? { onSelect } : {})} />
          {note ? <p className="muted dashboard-note">{note}</p> : null}
          <details className="dashboard-data">
            <summary>{t('dashboard.showData')}</summary>
            <TableWrap labelledBy={headingId}>
              <table>
                <thead>
                  <tr>
                    {table.head.map((h) => (
                      <th key={h} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, i) => {
                    const filter = table.filters[i];
                    const [category, ...values] = row;
                    return (
                      <tr key={String(category)}>
                        <th scope="row">
                          {filter && onSelect ? (
                            <button type="button" className="link-button" onClick={() => onSelect(filter)}>
                              {category}
                            </button>
                          ) : (
                            category
                          )}
                        </th>
                        {values.map((v, j) => (
                          <td key={table.head[j + 1]} className="number">
                            {typeof v === 'number' ? formatNumber(v) : v}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          </details>
        </>
      )}
    </section>
  );
}
