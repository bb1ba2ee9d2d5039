// From a round per edge to the published schedule: meetings with table numbers, and breaks.
import type { Instance, Meeting, Round, Schedule } from './types.js';

/** `round[e]` is the 0-based round of edge e, or -1 when the pair does not meet. */
export function toSchedule(instance: Instance, round: Int32Array, bound: number, optimal: boolean): Schedule {
  const { ids, n, rounds, u, v, weight } = instance;
  const perRound: number[][] = Array.from({ length: rounds }, () => []);
  for (let e = 0; e < round.length; e++) {
    const r = round[e] as number;
    if (r >= 0) perRound[r]?.push(e);
  }
  let interest = 0;
  const out: Round[] = perRound.map((edges, r) => {
    edges.sort((p, q) => (weight[q] as number) - (weight[p] as number) || p - q);
    const seated = new Uint8Array(n);
    const meetings: Meeting[] = edges.map((e, k) => {
      seated[u[e] as number] = 1;
      seated[v[e] as number] = 1;
      interest += weight[e] as number;
      return {
        a: ids[u[e] as number] as string,
        b: ids[v[e] as number] as string,
        table: k + 1,
        weight: weight[e] as number,
      };
    });
    return { round: r + 1, meetings, breaks: ids.filter((_, x) => !seated[x]) };
  });
  return { rounds: out, interest, bound, optimal };
}
