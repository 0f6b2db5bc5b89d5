import { describe, expect, it } from 'vitest';
import { readSpike, SPIKE_HISTORY_WEEKS, SPIKE_MIN_COUNT } from './spike.ts';

// A seeded generator, so the "normal noise" below is the same on every run.
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A Poisson count with the given mean (Knuth's method). */
function poisson(mean: number, random: () => number) {
  const limit = Math.exp(-mean);
  let product = random();
  let count = 0;
  while (product > limit) {
    count += 1;
    product *= random();
  }
  return count;
}

describe('readSpike', () => {
  it('computes the usual count, its spread and the threshold by hand', () => {
    // History 2, 4, 4, 6: mean 4, sample sd 1.63 (under the Poisson √4 = 2), so 3 sd gives 10; the
    // rate's top of range 4 + 2·√(4/4) = 6, and P(X ≥ 16) = 0.00051 < 0.001 ≤ P(X ≥ 15) = 0.0014.
    expect(readSpike(16, [2, 4, 4, 6])).toEqual({ isSpike: true, mean: 4, spread: 2, threshold: 16 });
    expect(readSpike(15, [2, 4, 4, 6]).isSpike).toBe(false);
  });

  it('needs a minimum count, so a few complaints where there are usually none are not a spike', () => {
    const quiet = Array.from({ length: 8 }, () => 0);
    expect(readSpike(4, quiet).isSpike).toBe(false);
    expect(readSpike(10, quiet).isSpike).toBe(true);
    expect(readSpike(4, []).isSpike).toBe(false);
    // However long the quiet history, the threshold never drops under the minimum.
    expect(
      readSpike(
        0,
        Array.from({ length: 400 }, () => 0),
      ).threshold,
    ).toBe(SPIKE_MIN_COUNT);
  });

  it('stays quiet on normal noise: under 0.5 % of ordinary hours fire', () => {
    const random = seeded(42);
    let fired = 0;
    const hours = 2_000;
    for (let hour = 0; hour < hours; hour += 1) {
      const mean = 1 + (hour % 7);
      const history = Array.from({ length: SPIKE_HISTORY_WEEKS }, () => poisson(mean, random));
      if (readSpike(poisson(mean, random), history).isSpike) fired += 1;
    }
    expect(fired / hours).toBeLessThan(0.005);
  });

  it('fires on an injected spike of four times the usual count, at least 97 times in 100', () => {
    const random = seeded(7);
    let missed = 0;
    for (let hour = 0; hour < 200; hour += 1) {
      const history = Array.from({ length: SPIKE_HISTORY_WEEKS }, () => poisson(4, random));
      if (!readSpike(16 + poisson(4, random), history).isSpike) missed += 1;
    }
    expect(missed / 200).toBeLessThanOrEqual(0.03);
  });
});
