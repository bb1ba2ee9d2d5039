import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type EcosystemGraph, type EcosystemNode, getEcosystem } from '../../../src/modules/alliances/contract';
import { type PartnershipMode, partnershipModes } from '../../../src/modules/partnerships/vocabulary';
import { actorFamilies } from '../../../src/modules/reference/families';
import { useApiQuery } from '../api/useApi';
import { useI18n } from '../i18n';
import { useReference } from '../reference/reference';
import { FilterSelect } from '../ui/FilterGroup';
import { ApiErrorAlert, Loading } from '../ui/feedback';
import { usePageTitle } from '../ui/usePageTitle';
import './alliances.css';

export const familyColours: Record<(typeof actorFamilies)[number], string> = {
  association: '#1b6f8c',
  company: '#c0561b',
  publicAuthority: '#3a4ba8',
  academia: '#7b3fa0',
  citizen: '#2e7d32',
  media: '#8a6a00',
};
const allianceColour = '#1f2328';

/** Each mode its colour and dash, from the simplest (solid) to the most impactful. */
export const modeStyles: Record<PartnershipMode, { colour: string; dash: string }> = {
  support: { colour: '#2a6f97', dash: '' },
  responsiblePractices: { colour: '#4f7a2b', dash: '8 4' },
  economicCooperation: { colour: '#b23a48', dash: '2 4' },
  societalInnovation: { colour: '#6a2c9f', dash: '12 4 2 4' },
};

const width = 960;
const height = 640;

interface Placed extends SimulationNodeDatum {
  node: EcosystemNode;
  id: string;
  degree: number;
}

/** Positions computed once per graph by d3-force, run to rest before rendering (a stable, readable picture). */
function layout(graph: EcosystemGraph) {
  const degree = new Map<string, number>();
  for (const l of graph.links) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
  }
  const nodes: Placed[] = graph.nodes.map((node) => ({ node, id: node.id, degree: degree.get(node.id) ?? 0 }));
  const links = graph.links.map((l) => ({ source: l.source, target: l.target, link: l }));
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<Placed, (typeof links)[number]>(links)
        .id((d) => d.id)
        .distance((l) => (l.link.kind === 'alliance' ? 70 : 55)),
    )
    .force('charge', forceManyBody().strength(-140))
    // Pulls separate clusters (one per territory) towards the middle, so that they stay in view.
    .force('x', forceX(width / 2).strength(0.07))
    .force('y', forceY(height / 2).strength(0.1))
    .force(
      'collide',
      forceCollide<Placed>((d) => radius(d) + 6),
    )
    .stop();
  for (let i = 0; i < 300; i++) simulation.tick();
  // Fits the drawing into the view box, with room for the labels on the right.
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 30;
  const scale = Math.min(
    1.6,
    (width - margin * 2 - 250) / Math.max(1, maxX - minX),
    (height - margin * 2) / Math.max(1, maxY - minY),
  );
  for (const n of nodes) {
    n.x = margin + ((n.x ?? 0) - minX) * scale;
    n.y = margin + ((n.y ?? 0) - minY) * scale;
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return { nodes, links: graph.links.map((l) => ({ l, s: byId.get(l.source), t: byId.get(l.target) })) };
}

const radius = (n: Placed) => (n.node.kind === 'alliance' ? 14 : 6 + Math.min(6, n.degree));

export function EcosystemPage() {
  const { t } = useI18n();
  const ref = useReference();
  const [params, setParams] = useSearchParams();
  const mode = (params.get('mode') ?? '') as PartnershipMode | '';
  const theme = params.get('theme') ?? '';
  const territory = params.get('territory') ?? '';
  const commune = params.get('commune') ?? '';
  usePageTitle(t('ecosystem.title'));
  const graph = useApiQuery(getEcosystem, {
    query: {
      mode: mode || undefined,
      theme: theme || undefined,
      territory: territory || undefined,
      commune: commune || undefined,
    },
  });
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const place = commune ? `commune:${commune}` : territory ? `territory:${territory}` : '';
  const filtered = Boolean(mode || theme || place);

  return (
    <div className="ecosystem-page">
      <h1>{t('ecosystem.title')}</h1>
      <p className="tagline">{t('ecosystem.intro')}</p>
      <form className="alliance-filters" aria-label={t('ecosystem.title')} onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          look="field"
          id="eco-mode"
          label={t('ecosystem.mode')}
          value={mode}
          onChange={(value) => set({ mode: value })}
          allLabel={t('ecosystem.all')}
          options={partnershipModes.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
        />
        <FilterSelect
          look="field"
          id="eco-theme"
          label={t('ecosystem.theme')}
          value={theme}
          onChange={(value) => set({ theme: value })}
          allLabel={t('ecosystem.all')}
          options={(ref.data?.themes ?? []).map((th) => ({ value: th.id, label: ref.themeLabel(th.id) }))}
        />
        <div className="field">
          <label htmlFor="eco-place">{t('ecosystem.territory')}</label>
          <select
            id="eco-place"
            value={place}
            onChange={(e) => {
              const [kind, value = ''] = e.target.value.split(':');
              set({ territory: kind === 'territory' ? value : '', commune: kind === 'commune' ? value : '' });
            }}
          >
            <option value="">{t('ecosystem.allPlaces')}</option>
            {(ref.data?.territories ?? []).map((tr) => (
              <optgroup key={tr.id} label={tr.name}>
                <option value={`territory:${tr.id}`}>{tr.name}</option>
                {tr.communes.map((c) => (
                  <option key={c.code} value={`commune:${c.code}`}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {filtered ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => set({ mode: '', theme: '', territory: '', commune: '' })}
          >
            {t('ecosystem.reset')}
          </button>
        ) : null}
      </form>
      {graph.error ? <ApiErrorAlert error={graph.error} /> : null}
      {!graph.data && graph.loading ? <Loading /> : null}
      {graph.data ? <Graph graph={graph.data} /> : null}
    </div>
  );
}

function Graph({ graph }: { graph: EcosystemGraph }) {
  const { t, tn } = useI18n();
  const navigate = useNavigate();
  const placed = useMemo(() => layout(graph), [graph]);
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.name])), [graph]);
  if (graph.nodes.length === 0) return <p className="notice">{t('ecosystem.empty')}</p>;
  const actorsCount = graph.nodes.filter((n) => n.kind === 'actor').length;
  const hrefOf = (n: EcosystemNode) => (n.kind === 'actor' ? `/acteurs/${n.id}` : `/alliances/${n.id}`);
  const kindLabel = (n: EcosystemNode) => (n.family ? t(`family.${n.family}`) : t('ecosystem.allianceNode'));
  const usedModes = partnershipModes.filter((m) => graph.links.some((l) => l.mode === m));
  const usedFamilies = actorFamilies.filter((f) => graph.nodes.some((n) => n.family === f));

  return (
    <>
      <p className="muted" role="status">
        {t('ecosystem.counts', {
          actors: tn('ecosystem.actors', actorsCount),
          alliances: tn('ecosystem.alliances', graph.nodes.length - actorsCount),
          links: tn('ecosystem.links', graph.links.length),
        })}
      </p>
      <div className="ecosystem-layout">
        <div className="ecosystem-canvas card">
          <svg viewBox={`0 0 ${width} ${height}`} aria-labelledby="ecosystem-graph-title">
            <title id="ecosystem-graph-title">
              {t('ecosystem.graphLabel', { nodes: graph.nodes.length, links: graph.links.length })}
            </title>
            <g>
              {placed.links.map(({ l, s, t: target }) =>
                s && target ? (
                  <line
                    key={`${l.kind}-${l.refId}-${l.source}-${l.target}`}
                    x1={s.x}
                    y1={s.y}
                    x2={target.x}
                    y2={target.y}
                    stroke={l.mode ? modeStyles[l.mode].colour : '#9aa0a6'}
                    strokeWidth={l.mode ? 2 : 1}
                    strokeDasharray={l.mode ? modeStyles[l.mode].dash || undefined : '1 3'}
                    strokeOpacity={l.mode ? 0.85 : 0.7}
                  />
                ) : null,
              )}
            </g>
            {placed.nodes.map((p) => {
              const n = p.node;
              const r = radius(p);
              return (
                <a
                  key={n.id}
                  href={hrefOf(n)}
                  className="ecosystem-node"
                  aria-label={t('ecosystem.nodeName', { name: n.name, kind: kindLabel(n) })}
                  onClick={(e) => {
                    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    navigate(hrefOf(n));
                  }}
                >
                  {n.kind === 'alliance' ? (
                    <rect
                      x={(p.x ?? 0) - r}
                      y={(p.y ?? 0) - r}
                      width={r * 2}
                      height={r * 2}
                      rx={4}
                      transform={`rotate(45 ${p.x} ${p.y})`}
                      fill={allianceColour}
                      stroke="#fff"
                      strokeWidth={2}
                    />
                  ) : (
                    <circle
                      cx={p.x}
                      cy={p.y}
                      r={r}
                      fill={n.family ? familyColours[n.family] : '#666'}
                      stroke="#fff"
                      strokeWidth={1.5}
                    />
                  )}
                  <text
                    x={(p.x ?? 0) + r + 3}
                    y={(p.y ?? 0) + 4}
                    className={n.kind === 'alliance' ? 'ecosystem-label ecosystem-label-alliance' : 'ecosystem-label'}
                  >
                    {n.name}
                  </text>
                  <title>{`${n.name} — ${kindLabel(n)}${n.communeName ? `, ${n.communeName}` : ''}`}</title>
                </a>
              );
            })}
          </svg>
        </div>
        <aside className="card ecosystem-legend" aria-labelledby="ecosystem-legend-title">
          <h2 id="ecosystem-legend-title">{t('ecosystem.legend')}</h2>
          <ul>
            {usedFamilies.map((f) => (
              <li key={f}>
                <svg width="18" height="18" aria-hidden="true">
                  <circle cx="9" cy="9" r="7" fill={familyColours[f]} />
                </svg>
                {t(`family.${f}`)}
              </li>
            ))}
            <li>
              <svg width="18" height="18" aria-hidden="true">
                <rect x="4" y="4" width="10" height="10" transform="rotate(45 9 9)" fill={allianceColour} />
              </svg>
              {t('ecosystem.allianceNode')}
            </li>
          </ul>
          <ul>
            {usedModes.map((m) => (
              <li key={m}>
                <svg width="36" height="12" aria-hidden="true">
                  <line
                    x1="2"
                    y1="6"
                    x2="34"
                    y2="6"
                    stroke={modeStyles[m].colour}
                    strokeWidth="2.5"
                    strokeDasharray={modeStyles[m].dash || undefined}
                  />
                </svg>
                {t(`mode.${m}`)}
              </li>
            ))}
            <li>
              <svg width="36" height="12" aria-hidden="true">
                <line x1="2" y1="6" x2="34" y2="6" stroke="#9aa0a6" strokeWidth="1.5" strokeDasharray="1 3" />
              </svg>
              {t('ecosystem.allianceLink')}
            </li>
          </ul>
        </aside>
      </div>
      <details className="card ecosystem-text">
        <summary>
          <h2>{t('ecosystem.textTitle')}</h2>
        </summary>
        <ul>
          {graph.nodes
            .filter((n) => n.kind === 'actor')
            .map((n) => {
              const own = graph.links.filter((l) => l.source === n.id || l.target === n.id);
              const partnerships = new Map<string, { title: string; mode: PartnershipMode | null; names: string[] }>();
              for (const l of own.filter((x) => x.kind === 'partnership')) {
                const other = names.get(l.source === n.id ? l.target : l.source) ?? '';
                const entry = partnerships.get(l.refId) ?? { title: l.title, mode: l.mode, names: [] };
                entry.names.push(other);
                partnerships.set(l.refId, entry);
              }
              return (
                <li key={n.id}>
                  <Link to={`/acteurs/${n.id}`}>{n.name}</Link> <span className="muted">({kindLabel(n)})</span>
                  <ul>
                    {[...partnerships.entries()].map(([id, p]) => (
                      <li key={id}>
                        {t('ecosystem.partnerWith', {
                          mode: p.mode ? t(`mode.${p.mode}`) : '',
                          names: p.names.join(', '),
                          title: p.title,
                        })}
                      </li>
                    ))}
                    {own
                      .filter((l) => l.kind === 'alliance')
                      .map((l) => (
                        <li key={l.refId}>
                          <Link to={`/alliances/${l.refId}`}>{t('ecosystem.memberOf', { name: l.title })}</Link>
                        </li>
                      ))}
                  </ul>
                </li>
              );
            })}
        </ul>
      </details>
    </>
  );
}
