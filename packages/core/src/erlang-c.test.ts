import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentsNeeded, averageSpeedOfAnswer, probabilityOfWaiting, serviceLevel } from './erlang-c.ts';

// The textbook formula with powers and factorials, fine for small N: an independent check.
function erlangCByFactorials(agents: number, erlangs: number): number {
  let sum = 0;
  let term = 1; // A^k / k!
  for (let k = 0; k < agents; k += 1) {
    sum += term;
    term = (term * erlangs) / (k + 1);
  }
  const top = term * (agents / (agents - erlangs)); // A^N / N! · N / (N − A)
  return top / (sum + top);
}

// Worked example of "Erlang C Formula – Made Simple With an Easy Worked Example", Call Centre
// Helper (callcentrehelper.com): 100 calls in 30 minutes, 180 s handling, 80 % answered in 20 s.
// Traffic 10 erlangs; 11 agents: Pw 0.6821, 39 % in 20 s; 14 agents are needed (Pw 0.1741, 88.84 %).
const example = { arrivalsPerHour: 200, handleSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 };

describe('Erlang C', () => {
  it('reproduces the published worked example', () => {
    expect(probabilityOfWaiting(11, 10)).toBeCloseTo(0.6821, 4);
    expect(serviceLevel(11, example)).toBeCloseTo(0.3897, 3);
    expect(probabilityOfWaiting(14, 10)).toBeCloseTo(0.1741, 4);
    expect(serviceLevel(14, example)).toBeCloseTo(0.8884, 3);
    expect(serviceLevel(13, example)).toBeLessThan(0.8);
    expect(agentsNeeded(example)).toBe(14);
    // average wait with 14 agents: Pw · AHT / (N − A) = 0.1741 · 180 / 4 ≈ 7.8 s
    expect(averageSpeedOfAnswer(14, 200, 180)).toBeCloseTo(7.83, 1);
  });

  it('agrees with the factorial formula', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (n, load) => {
          const erlangs = n * load;
          expect(probabilityOfWaiting(n, erlangs)).toBeCloseTo(erlangCByFactorials(n, erlangs), 9);
        },
      ),
    );
  });

  it('stays finite for two hundred agents and more', () => {
    const busy = { arrivalsPerHour: 4000, handleSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 };
    const needed = agentsNeeded(busy);
    expect(needed).toBeGreaterThan(200);
    expect(needed).toBeLessThan(230);
    expect(serviceLevel(needed, busy)).toBeGreaterThanOrEqual(0.8);
    expect(serviceLevel(needed - 1, busy)).toBeLessThan(0.8);
    expect(Number.isFinite(probabilityOfWaiting(1000, 990))).toBe(true);
  });

  it('needs nobody without arrivals and more agents for more arrivals', () => {
    expect(agentsNeeded({ ...example, arrivalsPerHour: 0 })).toBe(0);
    expect(agentsNeeded({ ...example, arrivalsPerHour: 0.5 })).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(agentsNeeded({ ...example, arrivalsPerHour: low })).toBeLessThanOrEqual(
          agentsNeeded({ ...example, arrivalsPerHour: high }),
        );
      }),
    );
  });
});
