// Edge colouring of the chosen meetings with `colours` colours (one colour = one round), by Kempe-chain swaps, then
// balancing of the colour classes (sizes differing by at most one) by swapping odd alternating paths.
// On a bipartite graph of maximum degree ≤ colours every edge gets a colour (König); on a general graph an edge may
// be left uncoloured (-1) when no two-coloured chain frees a common colour (Vizing may need one more colour).

export interface Colouring {
  /** Colour (0-based round) of each edge, -1 when left uncoloured. */
  colour: Int32Array;
  /** at[x * colours + c]: the edge of colour c at vertex x, or -1. */
  at: Int32Array;
}

/** Walks the path alternating colours first, second, … from x; returns its edges. */
function chain(
  at: Int32Array,
  colours: number,
  u: Int32Array,
  v: Int32Array,
  x: number,
  first: number,
  second: number,
): number[] {
  const path: number[] = [];
  let y = x;
  let c = first;
  let previous = -1;
  for (;;) {
    const e = at[y * colours + c] as number;
    if (e < 0 || e === previous) break;
    path.push(e);
    y = (u[e] as number) === y ? (v[e] as number) : (u[e] as number);
    previous = e;
    c = c === first ? second : first;
    if (path.length > u.length) break; // cannot happen on a proper colouring; guards against a cycle
  }
  return path;
}

/** Removes a path's edges from the vertex-colour table. */
function clear(at: Int32Array, colours: number, colour: Int32Array, u: Int32Array, v: Int32Array, path: number[]) {
  for (const e of path) {
    const c = colour[e] as number;
    if ((at[(u[e] as number) * colours + c] as number) === e) at[(u[e] as number) * colours + c] = -1;
    if ((at[(v[e] as number) * colours + c] as number) === e) at[(v[e] as number) * colours + c] = -1;
  }
}

function setColour(
  at: Int32Array,
  colours: number,
  colour: Int32Array,
  u: Int32Array,
  v: Int32Array,
  e: number,
  c: number,
) {
  colour[e] = c;
  at[(u[e] as number) * colours + c] = e;
  at[(v[e] as number) * colours + c] = e;
}

/** Exchanges colours a and b on the path. */
function exchange(
  at: Int32Array,
  colours: number,
  colour: Int32Array,
  u: Int32Array,
  v: Int32Array,
  path: number[],
  a: number,
  b: number,
) {
  clear(at, colours, colour, u, v, path);
  for (const e of path) setColour(at, colours, colour, u, v, e, colour[e] === a ? b : a);
}

/** Colours the edges in the given order (heaviest first, say). */
export function colourEdges(
  vertices: number,
  u: Int32Array,
  v: Int32Array,
  colours: number,
  order: ArrayLike<number>,
): Colouring {
  const colour = new Int32Array(u.length).fill(-1);
  const at = new Int32Array(vertices * colours).fill(-1);
  const free = (x: number, c: number) => (at[x * colours + c] as number) < 0;
  for (let k = 0; k < order.length; k++) {
    const e = order[k] as number;
    const x = u[e] as number;
    const y = v[e] as number;
    let common = -1;
    for (let c = 0; c < colours && common < 0; c++) if (free(x, c) && free(y, c)) common = c;
    if (common >= 0) {
      setColour(at, colours, colour, u, v, e, common);
      continue;
    }
    // α free at x, β free at y: swap the α/β chain from y, unless it ends at x.
    search: for (let a = 0; a < colours; a++) {
      if (!free(x, a)) continue;
      for (let b = 0; b < colours; b++) {
        if (!free(y, b) || a === b) continue;
        const path = chain(at, colours, u, v, y, a, b);
        let end = y;
        for (const f of path) end = (u[f] as number) === end ? (v[f] as number) : (u[f] as number);
        if (end === x) continue;
        exchange(at, colours, colour, u, v, path, a, b);
        setColour(at, colours, colour, u, v, e, a);
        break search;
      }
    }
  }
  return { colour, at };
}

/** Makes colour class sizes differ by at most one (a proper colouring stays proper). Returns the class sizes. */
export function balanceColours(u: Int32Array, v: Int32Array, colours: number, colouring: Colouring): Int32Array {
  const { colour, at } = colouring;
  const size = new Int32Array(colours);
  for (let e = 0; e < colour.length; e++)
    if ((colour[e] as number) >= 0) size[colour[e] as number] = (size[colour[e] as number] as number) + 1;
  if (colours < 2) return size;
  for (;;) {
    let big = 0;
    let small = 0;
    for (let c = 1; c < colours; c++) {
      if ((size[c] as number) > (size[big] as number)) big = c;
      if ((size[c] as number) < (size[small] as number)) small = c;
    }
    if ((size[big] as number) - (size[small] as number) <= 1) return size;
    // A component of big ∪ small with one more big edge than small edges: a path starting and ending with big.
    let found = false;
    for (let e = 0; e < colour.length && !found; e++) {
      if (colour[e] !== big) continue;
      for (const x of [u[e] as number, v[e] as number]) {
        if ((at[x * colours + small] as number) >= 0) continue;
        const path = chain(at, colours, u, v, x, big, small);
        if (path.length % 2 === 1) {
          exchange(at, colours, colour, u, v, path, big, small);
          size[big] = (size[big] as number) - 1;
          size[small] = (size[small] as number) + 1;
          found = true;
          break;
        }
      }
    }
    if (!found) return size; // unreachable on a proper colouring
  }
}
