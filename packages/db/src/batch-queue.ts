/**
 * Gathers what callers hand in while earlier batches are on their way, and sends it as the next
 * batch: one round trip for many. Nothing waits for a timer: a lone item goes in the same turn of the
 * event loop, and batches grow only when the database is busy.
 */
export type BatchQueue<Item, Result> = {
  /** Resolves with this item's result, or rejects with the error of the batch it went in alone. */
  submit(item: Item): Promise<Result>;
};

type Waiting<Item, Result> = {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
};

export function createBatchQueue<Item, Result>(options: {
  /** Sends a batch; answers one result per item, in order. */
  run: (items: Item[]) => Promise<Result[]>;
  maxItems: number;
  /** How many batches may be on their way at once. */
  maxInFlight: number;
}): BatchQueue<Item, Result> {
  const waiting: Waiting<Item, Result>[] = [];
  const inFlight = new Set<Promise<void>>();

  const runAlone = (entry: Waiting<Item, Result>) =>
    options.run([entry.item]).then(([result]) => entry.resolve(result!), entry.reject);

  function send() {
    while (inFlight.size < options.maxInFlight && waiting.length > 0) {
      const batch = waiting.splice(0, options.maxItems);
      const sending: Promise<void> = options
        .run(batch.map((entry) => entry.item))
        .then(
          (results) => {
            for (const [index, entry] of batch.entries()) entry.resolve(results[index]!);
          },
          // One bad item must not fail the others: each is tried again on its own.
          (error: unknown) =>
            batch.length === 1 ? batch[0]!.reject(error) : Promise.all(batch.map(runAlone)).then(() => {}),
        )
        .finally(() => {
          inFlight.delete(sending);
          send();
        });
      inFlight.add(sending);
    }
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        // What is handed in during this turn of the event loop goes together.
        if (waiting.length === 1) queueMicrotask(send);
      });
    },
  };
}
