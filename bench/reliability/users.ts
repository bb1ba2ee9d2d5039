// Simulated users: each signs in once, then loops over a weighted mix of what members do (browse, search, edit their
// organisation, register to an event), with a think time between two requests. Every request is recorded.
import { csrfHeader, sessionCookie } from '../../src/auth/names.js';
import { sleep, userEmail, userPassword } from './server.js';

export type Action = 'sign-in' | 'browse' | 'search' | 'edit' | 'register' | 'reference';
/** ok: the expected answer; business: a refusal the application means (e.g. already registered); error: the rest. */
export type Outcome = 'ok' | 'business' | 'error';

export interface Sample {
  action: Action;
  route: string;
  /** Milliseconds since the run's origin, when the request was sent and when its answer was read. */
  start: number;
  end: number;
  status: number;
  contentType: string;
  outcome: Outcome;
  /** For errors: the network error, or the start of the body. */
  detail: string;
}

export class Recorder {
  readonly samples: Sample[] = [];
  readonly origin = performance.now();
  now = () => performance.now() - this.origin;
}

interface Call {
  action: Action;
  route: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** Statuses that are the expected answer; `business` ones are counted apart, not as errors. */
  ok: number[];
  business?: number[];
}

export interface Target {
  baseUrl: string;
  /** A request unanswered after this many milliseconds counts as an error (a hang). */
  timeoutMs: number;
  recorder: Recorder;
}

/** Sends one request, records it, and returns its status and parsed body (null when not JSON or failed). */
async function send(target: Target, call: Call, headers: Record<string, string> = {}) {
  const start = target.recorder.now();
  let status = 0;
  let contentType = '';
  let text = '';
  let detail = '';
  try {
    const response = await fetch(target.baseUrl + call.path, {
      method: call.method ?? 'GET',
      headers: { ...headers, ...(call.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      signal: AbortSignal.timeout(target.timeoutMs),
    });
    status = response.status;
    contentType = response.headers.get('content-type') ?? '';
    text = await response.text();
  } catch (error) {
    detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  const outcome: Outcome = call.ok.includes(status) ? 'ok' : call.business?.includes(status) ? 'business' : 'error';
  if (outcome !== 'ok' && !detail) detail = text.slice(0, 500);
  target.recorder.samples.push({
    action: call.action,
    route: call.route,
    start,
    end: target.recorder.now(),
    status,
    contentType,
    outcome,
    detail,
  });
  let json: unknown = null;
  if (contentType.includes('json')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  return { status, json, outcome };
}

/** What the users need to know of the data: pages to visit and events open for registration. */
export interface Catalogue {
  actorIds: string[];
  eventIds: string[];
}

/** Reads the actors and upcoming events through the API, as a visitor would find them. */
export async function readCatalogue(baseUrl: string): Promise<Catalogue> {
  const get = async (p: string) => {
    const response = await fetch(baseUrl + p);
    if (response.status !== 200) throw new Error(`GET ${p}: ${response.status}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const directory = (await get('/api/v1/actors?pageSize=100&sort=name')) as { items: { id: string }[] };
  const events = (await get(`/api/v1/events?from=${encodeURIComponent(new Date().toISOString())}`)) as {
    items: { id: string; status: string }[];
  };
  const eventIds = events.items.filter((e) => e.status === 'planned').map((e) => e.id);
  if (eventIds.length === 0) throw new Error('no upcoming event to register to');
  return { actorIds: directory.items.map((a) => a.id), eventIds };
}

/** French searches as people type them: one word, two words, a missing accent, a typo. */
const searches = [
  'jazz',
  'théâtre',
  'theatre musiqe',
  'jardins partagés',
  'numérique',
  'insertion professionnelle',
  'seniors',
  'recyclage',
  'circuits courts',
  'solidarité',
  'éducation populaire',
  'sport santé',
];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** Weighted mix of the loop: mostly reading, as on the real site. */
const mix: { action: Exclude<Action, 'sign-in' | 'reference'>; weight: number }[] = [
  { action: 'browse', weight: 50 },
  { action: 'search', weight: 25 },
  { action: 'edit', weight: 15 },
  { action: 'register', weight: 10 },
];
const totalWeight = mix.reduce((s, m) => s + m.weight, 0);
function nextAction() {
  let r = Math.random() * totalWeight;
  for (const m of mix) {
    r -= m.weight;
    if (r < 0) return m.action;
  }
  return 'browse' as const;
}

export class SimulatedUser {
  private headers: Record<string, string> = {};
  private actorId = '';
  private actorName = '';
  private edits = 0;
  /** Events this user holds a registration to, as far as it knows. */
  private readonly registered = new Set<string>();

  constructor(
    private readonly index: number,
    private readonly target: Target,
    private readonly catalogue: Catalogue,
  ) {}

  /** Signs in; throws when refused (the run cannot go on without its users). */
  async signIn(): Promise<void> {
    const start = this.target.recorder.now();
    const response = await fetch(`${this.target.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: userEmail(this.index), password: userPassword }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { csrfToken?: string; user?: { actorId: string; actorName: string } };
    this.target.recorder.samples.push({
      action: 'sign-in',
      route: 'POST /auth/login',
      start,
      end: this.target.recorder.now(),
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      outcome: response.status === 200 ? 'ok' : 'error',
      detail: '',
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookie}=`));
    if (response.status !== 200 || !cookie || !body.csrfToken || !body.user?.actorId) {
      throw new Error(`sign-in of user ${this.index} refused: ${response.status}`);
    }
    this.headers = { cookie: cookie.split(';')[0] ?? '', [csrfHeader]: body.csrfToken };
    this.actorId = body.user.actorId;
    this.actorName = body.user.actorName;
  }

  /** Loops until `until()` says stop, with a think time of 0.5 to 1 s between requests. */
  async run(until: () => boolean): Promise<void> {
    // Users start spread over the first second rather than all at once.
    await sleep(Math.random() * 1000);
    while (!until()) {
      await this.step(nextAction());
      await sleep(500 + Math.random() * 500);
    }
  }

  step(action: Exclude<Action, 'sign-in' | 'reference'>) {
    const t = this.target;
    switch (action) {
      case 'browse': {
        const page = pick([
          { route: 'GET /actors', path: `/api/v1/actors?page=${1 + Math.floor(Math.random() * 5)}` },
          { route: 'GET /actors/:id', path: `/api/v1/actors/${pick(this.catalogue.actorIds)}` },
          { route: 'GET /events', path: '/api/v1/events' },
          { route: 'GET /dialogue/challenges', path: '/api/v1/dialogue/challenges' },
        ]);
        return send(t, { action, ...page, ok: [200] }, this.headers);
      }
      case 'search': {
        const q = encodeURIComponent(pick(searches));
        return send(t, { action, route: 'GET /actors?q=', path: `/api/v1/actors?q=${q}`, ok: [200] }, this.headers);
      }
      case 'edit': {
        this.edits++;
        const body = {
          family: 'association',
          name: this.actorName,
          communeCode: '13001',
          description: `Association créée pour l’essai de charge, fiche modifiée ${this.edits} fois.`,
          contributionsText: 'Bénévoles, prêt de salle, savoir-faire en communication.',
        };
        const path = `/api/v1/actors/${this.actorId}`;
        return send(t, { action, route: 'PUT /actors/:id', method: 'PUT', path, body, ok: [200] }, this.headers);
      }
      case 'register': {
        const eventId = pick(this.catalogue.eventIds);
        const path = `/api/v1/events/${eventId}/registrations`;
        // What this user believes changes only when the server said yes (not on a 503 during the fault run).
        const remember = async (sent: ReturnType<typeof send>, registered: boolean) => {
          const answer = await sent;
          if (answer.outcome === 'ok') {
            if (registered) this.registered.add(eventId);
            else this.registered.delete(eventId);
          }
          return answer;
        };
        if (this.registered.has(eventId)) {
          // 404: the registration was already gone (a state this user did not see).
          const call: Call = {
            action,
            route: 'DELETE /events/:id/registrations/mine',
            method: 'DELETE',
            path: `${path}/mine`,
            ok: [204],
            business: [404],
          };
          return remember(send(t, call, this.headers), false);
        }
        // 409: already registered. A full event is not a refusal: it answers 201 with a place on the waiting list.
        const call: Call = {
          action,
          route: 'POST /events/:id/registrations',
          method: 'POST',
          path,
          ok: [201],
          business: [409],
        };
        return remember(send(t, call, this.headers), true);
      }
    }
  }
}

/** Probes a reference route one request at a time while the users run, for the ratio of the report. */
export async function probe(target: Target, route: string, url: string, until: () => boolean): Promise<void> {
  while (!until()) {
    await send({ ...target, baseUrl: '' }, { action: 'reference', route, path: url, ok: [200] });
    await sleep(100);
  }
}
