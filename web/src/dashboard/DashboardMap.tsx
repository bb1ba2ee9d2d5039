import 'leaflet/dist/leaflet.css';
import { latLngBounds } from 'leaflet';
import { useEffect } from 'react';
import { CircleMarker, MapContainer, TileLayer, Tooltip, useMap } from 'react-leaflet';
import type { CommuneCount } from '../../../src/modules/dashboard/figures';
import { markerRadius } from '../directory/markerRadius';
import { useI18n } from '../i18n';

/** Pays d'Aix, when there is nothing to show (the directory map's centre). */
const defaultCentre: [number, number] = [43.53, 5.45];

const total = (c: CommuneCount) => c.actors + c.partnerships + c.events;

/** Frames the communes whenever the set changes (no animation: the frame follows the filters). */
function Framing({ communes }: { communes: CommuneCount[] }) {
  const map = useMap();
  const key = communes.map((c) => c.code).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key sums up the communes
  useEffect(() => {
    map.invalidateSize();
    const [first] = communes;
    if (!first) map.setView(defaultCentre, 9, { animate: false });
    else if (communes.length === 1) map.setView([first.latitude, first.longitude], 11, { animate: false });
    else {
      const bounds = latLngBounds(communes.map((c) => [c.latitude, c.longitude]));
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 11, animate: false });
    }
  }, [map, key]);
  return null;
}

/**
 * The area's communes as circles sized by what happens there (actors, partnerships, events), with the counts in a
 * tooltip; the same tiles as the directory's map.
 */
export default function DashboardMap({ communes }: { communes: CommuneCount[] }) {
  const { t } = useI18n();
  return (
    <MapContainer center={defaultCentre} zoom={9} scrollWheelZoom={false} className="dashboard-map">
      <TileLayer
        url="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
      />
      <Framing communes={communes} />
      {communes.map((c) => (
        <CircleMarker
          key={c.code}
          center={[c.latitude, c.longitude]}
          radius={markerRadius(total(c))}
          className={`dashboard-marker commune-${c.code}`}
          pathOptions={{ color: '#ffffff', weight: 2, fillColor: '#a84c18', fillOpacity: 0.8 }}
        >
          <Tooltip>
            <strong>{c.name}</strong>
            <br />
            {t('dashboard.mapTooltip', { actors: c.actors, partnerships: c.partnerships, events: c.events })}
          </Tooltip>
        </CircleMarker>
      ))}
    </MapContainer>
  );
}
