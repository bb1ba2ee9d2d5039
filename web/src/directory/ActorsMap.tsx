import 'leaflet/dist/leaflet.css';
import { latLngBounds } from 'leaflet';
import { useEffect } from 'react';
import { CircleMarker, MapContainer, Popup, TileLayer, useMap } from 'react-leaflet';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { mapPoint } from '../../../src/modules/actors/contract';
import { useI18n } from '../i18n';
import { markerRadius } from './markerRadius';

export type MapPoint = z.infer<typeof mapPoint>;

/** Pays d'Aix, when there is nothing to show. */
const defaultCentre: [number, number] = [43.53, 5.45];

/** Frames the points whenever they change, and redraws when the map becomes visible again (`visible`). */
function Framing({ points, visible }: { points: MapPoint[]; visible: boolean }) {
  const map = useMap();
  const key = points.map((p) => p.communeCode).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key sums up the points
  useEffect(() => {
    if (!visible) return;
    map.invalidateSize();
    // No animation: the frame changes with the results, and a zoom animation cut short leaves stretched markers.
    if (points.length === 0) map.setView(defaultCentre, 9, { animate: false });
    else if (points.length === 1 && points[0]) {
      map.setView([points[0].latitude, points[0].longitude], 12, { animate: false });
    } else {
      const bounds = latLngBounds(points.map((p) => [p.latitude, p.longitude]));
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 12, animate: false });
    }
  }, [map, key, visible]);
  return null;
}

export default function ActorsMap({ points, visible }: { points: MapPoint[]; visible: boolean }) {
  const { tn } = useI18n();
  return (
    <MapContainer center={defaultCentre} zoom={9} scrollWheelZoom={false} className="actors-map">
      <TileLayer
        url="https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
        attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
      />
      <Framing points={points} visible={visible} />
      {points.map((p) => (
        <CircleMarker
          key={p.communeCode}
          center={[p.latitude, p.longitude]}
          radius={markerRadius(p.count)}
          className="actor-marker"
          pathOptions={{ color: '#ffffff', weight: 2, fillColor: '#165a72', fillOpacity: 0.85 }}
        >
          <Popup>
            <div className="map-popup">
              <p className="map-popup-title">
                <strong>{p.communeName}</strong> · {tn('directory.count', p.count)}
              </p>
              <ul>
                {p.actors.map((a) => (
                  <li key={a.id}>
                    <Link to={`/acteurs/${a.id}`}>{a.name}</Link>
                  </li>
                ))}
              </ul>
              {p.count > p.actors.length ? (
                <p className="map-popup-more">{tn('map.more', p.count - p.actors.length)}</p>
              ) : null}
            </div>
          </Popup>
        </CircleMarker>
      ))}
    </MapContainer>
  );
}
