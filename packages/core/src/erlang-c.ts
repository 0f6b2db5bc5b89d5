// Erlang C: calls arrive at random (Poisson), wait in one queue, and N agents answer them with
// exponentially distributed handling times. Computed through the Erlang B recurrence
// B(k) = A·B(k−1) / (k + A·B(k−1)), which stays within [0, 1] for any N (no factorials).

/** Offered load in erlangs: arrivals per hour × handling seconds / 3600. */
export function trafficErlangs(arrivalsPerHour: number, handleSeconds: number): number {
  return (arrivalsPerHour * handleSeconds) / 3600;
}

/** The probability that a contact waits at all with `agents` agents (1 when they cannot keep up). */
export function probabilityOfWaiting(agents: number, erlangs: number): number {
  if (erlangs <= 0) return 0;
  if (agents <= erlangs) return 1;
  let blocking = 1;
  for (let k = 1; k <= agents; k += 1) blocking = (erlangs * blocking) / (k + erlangs * blocking);
  return (agents * blocking) / (agents - erlangs * (1 - blocking));
}

export type StaffingTarget = {
  arrivalsPerHour: number;
  handleSeconds: number;
  /** Answer within this many seconds… */
  targetSeconds: number;
  /** …this share of contacts (0.8 = 80 %). */
  serviceLevel: number;
};

/** The share of contacts answered within the target time by `agents` agents. */
export function serviceLevel(agents: number, target: Omit<StaffingTarget, 'serviceLevel'>): number {
  const erlangs = trafficErlangs(target.arrivalsPerHour, target.handleSeconds);
  if (erlangs <= 0) return 1;
  if (agents <= erlangs) return 0;
  const waiting = probabilityOfWaiting(agents, erlangs);
  return 1 - waiting * Math.exp((-(agents - erlangs) * target.targetSeconds) / target.handleSeconds);
}

/** The average wait before an answer, in seconds (Infinity when the agents cannot keep up). */
export function averageSpeedOfAnswer(agents: number, arrivalsPerHour: number, handleSeconds: number): number {
  const erlangs = trafficErlangs(arrivalsPerHour, handleSeconds);
  if (erlangs <= 0) return 0;
  if (agents <= erlangs) return Number.POSITIVE_INFINITY;
  return (probabilityOfWaiting(agents, erlangs) * handleSeconds) / (agents - erlangs);
}

const MAX_AGENTS = 100_000;

/** The fewest agents that answer `serviceLevel` of contacts within `targetSeconds`; 0 with no arrivals. */
export function agentsNeeded(target: StaffingTarget): number {
  const erlangs = trafficErlangs(target.arrivalsPerHour, target.handleSeconds);
  if (erlangs <= 0) return 0;
  const goal = Math.min(Math.max(target.serviceLevel, 0), 0.999_999);
  let agents = Math.max(1, Math.floor(erlangs) + 1);
  while (agents < MAX_AGENTS && serviceLevel(agents, target) < goal) agents += 1;
  return agents;
}
