// `npm run bench:spikes`: how often the early-warning rule (readSpike) fires on ordinary hours and
// how often it catches a spike, on simulated Poisson hours: 30 seeds × 2000 ordinary hours with
// usual counts 1–7 and 8 weeks of history, and 30 × 200 hours with four times the usual (4 → 16 + noise).
import { readSpike, SPIKE_HISTORY_WEEKS } from '@sada/core';

/** The same seeded generator as spike.test.ts. */
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

let worstFalseAlarms = 0;
let worstMisses = 0;
for (let seed = 1; seed <= 30; seed += 1) {
  const random = seeded(seed);
  let fired = 0;
  for (let hour = 0; hour < 2000; hour += 1) {
    const mean = 1 + (hour % 7);
    const history = Array.from({ length: SPIKE_HISTORY_WEEKS }, () => poisson(mean, random));
    if (readSpike(poisson(mean, random), history).isSpike) fired += 1;
  }
  worstFalseAlarms = Math.max(worstFalseAlarms, fired / 2000);
  let missed = 0;
  for (let hour = 0; hour < 200; hour += 1) {
    const history = Array.from({ length: SPIKE_HISTORY_WEEKS }, () => poisson(4, random));
    if (!readSpike(16 + poisson(4, random), history).isSpike) missed += 1;
  }
  worstMisses = Math.max(worstMisses, missed / 200);
}
console.log(
  `worst seed: ${(worstFalseAlarms * 100).toFixed(2)} % of ordinary hours fire; ` +
    `${((1 - worstMisses) * 100).toFixed(1)} % of 4× spikes fire`,
);
