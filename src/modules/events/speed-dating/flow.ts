// Min-cost flow by successive shortest paths (primal-dual): Dijkstra with potentials on integer costs, then a
// blocking flow (Dinic) on the admissible edges (reduced cost 0), so that all paths of one phase, which have the same
// cost, are augmented together. The number of phases is at most the number of distinct path costs.

export class MinCostFlow {
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  readonly cap: Int32Array;
  private readonly cost: Float64Array;
  private edges = 0;
  private start: Int32Array | null = null;
  private adj: Int32Array | null = null;

  constructor(
    readonly nodes: number,
    maxEdges: number,
  ) {
    this.from = new Int32Array(2 * maxEdges);
    this.to = new Int32Array(2 * maxEdges);
    this.cap = new Int32Array(2 * maxEdges);
    this.cost = new Float64Array(2 * maxEdges);
  }

  /** Adds an edge and its residual twin; returns the edge's id (the twin is id ^ 1). */
  addEdge(a: number, b: number, capacity: number, cost: number): number {
    const e = this.edges;
    this.from[e] = a;
    this.to[e] = b;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.from[e + 1] = b;
    this.to[e + 1] = a;
    this.cap[e + 1] = 0;
    this.cost[e + 1] = -cost;
    this.edges += 2;
    this.start = null;
    return e;
  }

  /** Flow on edge e (the residual capacity of its twin). */
  flowOn(e: number): number {
    return this.cap[e ^ 1] ?? 0;
  }

  private build(): { start: Int32Array; adj: Int32Array } {
    if (this.start && this.adj) return { start: this.start, adj: this.adj };
    const start = new Int32Array(this.nodes + 1);
    for (let e = 0; e < this.edges; e++)
      start[(this.from[e] as number) + 1] = (start[(this.from[e] as number) + 1] as number) + 1;
    for (let i = 0; i < this.nodes; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
    const fill = start.slice(0, this.nodes);
    const adj = new Int32Array(this.edges);
    for (let e = 0; e < this.edges; e++) adj[(fill[this.from[e] as number] as number)++] = e;
    this.start = start;
    this.adj = adj;
    return { start, adj };
  }

  /**
   * Pushes flow from s to t along successively cheapest paths while a path's cost is negative and the flow is below
   * `limit`. `potential` must make every residual edge's reduced cost non-negative (e.g. shortest distances from s
   * when the initial graph has negative edges). Returns the flow sent and its total cost.
   */
  augmentNegative(s: number, t: number, limit: number, potential: Float64Array): { flow: number; cost: number } {
    const { start, adj } = this.build();
    const N = this.nodes;
    const { to, cap, cost } = this;
    const pot = potential;
    const dist = new Float64Array(N);
    const level = new Int32Array(N);
    const iter = new Int32Array(N);
    const queue = new Int32Array(N);
    const stackEdge = new Int32Array(N);
    const heapKey = new Float64Array(this.edges + N + 1);
    const heapNode = new Int32Array(this.edges + N + 1);
    const done = new Uint8Array(N);
    let flow = 0;
    let total = 0;
    while (flow < limit) {
      // Dijkstra on reduced costs.
      dist.fill(Number.POSITIVE_INFINITY);
      done.fill(0);
      dist[s] = 0;
      let size = 0;
      const push = (key: number, node: number) => {
        let i = size++;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if ((heapKey[p] as number) <= key) break;
          heapKey[i] = heapKey[p] as number;
          heapNode[i] = heapNode[p] as number;
          i = p;
        }
        heapKey[i] = key;
        heapNode[i] = node;
      };
      push(0, s);
      let maxDist = 0;
      while (size > 0) {
        const d = heapKey[0] as number;
        const x = heapNode[0] as number;
        size--;
        if (size > 0) {
          const key = heapKey[size] as number;
          const node = heapNode[size] as number;
          let i = 0;
          for (;;) {
            let c = 2 * i + 1;
            if (c >= size) break;
            if (c + 1 < size && (heapKey[c + 1] as number) < (heapKey[c] as number)) c++;
            if ((heapKey[c] as number) >= key) break;
            heapKey[i] = heapKey[c] as number;
            heapNode[i] = heapNode[c] as number;
            i = c;
          }
          heapKey[i] = key;
          heapNode[i] = node;
        }
        if (done[x]) continue;
        done[x] = 1;
        maxDist = d;
        const px = pot[x] as number;
        for (let k = start[x] as number, end = start[x + 1] as number; k < end; k++) {
          const e = adj[k] as number;
          if ((cap[e] as number) <= 0) continue;
          const y = to[e] as number;
          if (done[y]) continue;
          const nd = d + (cost[e] as number) + px - (pot[y] as number);
          if (nd < (dist[y] as number)) {
            dist[y] = nd;
            push(nd, y);
          }
        }
      }
      if (!done[t]) break;
      for (let x = 0; x < N; x++) pot[x] = (pot[x] as number) + (done[x] ? (dist[x] as number) : maxDist);
      const pathCost = (pot[t] as number) - (pot[s] as number);
      if (pathCost >= 0) break;
      // Blocking flows on the admissible graph (residual edges of reduced cost 0), until t is unreachable in it.
      for (;;) {
        level.fill(-1);
        level[s] = 0;
        let head = 0;
        let tail = 0;
        queue[tail++] = s;
        while (head < tail) {
          const x = queue[head++] as number;
          const px = pot[x] as number;
          for (let k = start[x] as number, end = start[x + 1] as number; k < end; k++) {
            const e = adj[k] as number;
            if ((cap[e] as number) <= 0) continue;
            const y = to[e] as number;
            if ((level[y] as number) >= 0 || (cost[e] as number) + px - (pot[y] as number) !== 0) continue;
            level[y] = (level[x] as number) + 1;
            queue[tail++] = y;
          }
        }
        if ((level[t] as number) < 0) break;
        for (let x = 0; x < N; x++) iter[x] = start[x] as number;
        // Iterative DFS with current-arc pointers.
        let depth = 0;
        let x = s;
        while (flow < limit) {
          if (x === t) {
            let bottleneck = limit - flow;
            for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, cap[stackEdge[i] as number] as number);
            for (let i = 0; i < depth; i++) {
              const e = stackEdge[i] as number;
              cap[e] = (cap[e] as number) - bottleneck;
              cap[e ^ 1] = (cap[e ^ 1] as number) + bottleneck;
            }
            flow += bottleneck;
            total += bottleneck * pathCost;
            depth = 0;
            x = s;
            continue;
          }
          let advanced = false;
          const px = pot[x] as number;
          const end = start[x + 1] as number;
          for (; (iter[x] as number) < end; iter[x] = (iter[x] as number) + 1) {
            const e = adj[iter[x] as number] as number;
            if ((cap[e] as number) <= 0) continue;
            const y = to[e] as number;
            if ((level[y] as number) !== (level[x] as number) + 1) continue;
            if ((cost[e] as number) + px - (pot[y] as number) !== 0) continue;
            stackEdge[depth++] = e;
            x = y;
            advanced = true;
            break;
          }
          if (advanced) continue;
          // Dead end: retreat.
          level[x] = -1;
          if (depth === 0) break;
          const e = stackEdge[--depth] as number;
          x = this.from[e] as number;
          iter[x] = (iter[x] as number) + 1;
        }
        if (flow >= limit) break;
      }
    }
    return { flow, cost: total };
  }
}
