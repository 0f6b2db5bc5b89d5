import { describe, expect, it } from 'vitest';
import { createBatchQueue } from './batch-queue.ts';

/** A runner whose batches finish when the test says so; a batch holding 13 fails. */
function controlledRunner() {
  const calls: { items: number[]; finish: () => void }[] = [];
  const run = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({
        items,
        finish: () => (items.includes(13) ? reject(new Error('13 is refused')) : resolve(items.map(String))),
      });
    });
  return { calls, run, batches: () => calls.map((call) => call.items) };
}

// Lets every promise callback already due run (no timer is involved).
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('batch queue', () => {
  it('sends what is handed in during one turn of the event loop as one batch', async () => {
    const { calls, run, batches } = controlledRunner();
    const queue = createBatchQueue({ run, maxItems: 10, maxInFlight: 1 });

    const answers = [1, 2, 3].map((item) => queue.submit(item));
    await settle();
    calls[0]!.finish();

    expect(await Promise.all(answers)).toEqual(['1', '2', '3']);
    expect(batches()).toEqual([[1, 2, 3]]);
  });

  it('sends a lone item at once and gathers what arrives meanwhile into the next batch', async () => {
    const { calls, run, batches } = controlledRunner();
    const queue = createBatchQueue({ run, maxItems: 10, maxInFlight: 1 });

    const first = queue.submit(1);
    await settle();
    const answers = [first, ...[2, 3, 4].map((item) => queue.submit(item))];
    expect(batches()).toEqual([[1]]);
    calls[0]!.finish();
    await settle();
    expect(batches()).toEqual([[1], [2, 3, 4]]);
    calls[1]!.finish();

    expect(await Promise.all(answers)).toEqual(['1', '2', '3', '4']);
  });

  it('keeps at most maxItems in a batch and maxInFlight batches on their way', async () => {
    const { calls, run, batches } = controlledRunner();
    const queue = createBatchQueue({ run, maxItems: 2, maxInFlight: 2 });

    const answers = [queue.submit(1)];
    await settle();
    answers.push(queue.submit(2));
    await settle();
    answers.push(...[3, 4, 5, 6].map((item) => queue.submit(item)));
    expect(batches()).toEqual([[1], [2]]);
    calls[0]!.finish();
    await settle();
    expect(batches()).toEqual([[1], [2], [3, 4]]);
    calls[1]!.finish();
    await settle();
    expect(batches()).toEqual([[1], [2], [3, 4], [5, 6]]);
    calls[2]!.finish();
    calls[3]!.finish();

    expect(await Promise.all(answers)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('tries each item of a failed batch on its own, so only the bad one fails', async () => {
    const { calls, run, batches } = controlledRunner();
    const queue = createBatchQueue({ run, maxItems: 10, maxInFlight: 1 });
    const answers = [queue.submit(1)];
    await settle();
    answers.push(...[12, 13, 14].map((item) => queue.submit(item)));
    calls[0]!.finish();
    await settle();

    calls[1]!.finish();
    await settle();
    for (const call of calls.slice(2)) call.finish();

    const settled = await Promise.allSettled(answers);
    expect(batches()).toEqual([[1], [12, 13, 14], [12], [13], [14]]);
    expect(settled.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
  });
});
