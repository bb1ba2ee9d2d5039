// The size of a map's circle for a count, shared by the directory's map and the dashboard's: in a module of its own so
// that the dashboard's chunk does not pull the directory's map (and its data) for one line.

/** A circle's radius in pixels: grows with the square root of the count (areas compare), capped. */
export const markerRadius = (count: number) => Math.min(30, 7 + Math.sqrt(count) * 3.5);
