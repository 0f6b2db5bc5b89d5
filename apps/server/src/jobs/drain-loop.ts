/**
 * Runs `step` until it reports no work, once at a time: a kick while it runs makes it look again when
 * done. The queue is the data (rows waiting in the database), so a kick lost or a process stopped
 * loses nothing: the next kick or sweep finds what waits.
 */
export function createDrainLoop(step: () => Promise<number>, onError: (error: unknown) => void) {
  let running: Promise<void> | undefined;
  let isAgain = false;
  let isStopped = false;

  async function drain() {
    do {
      isAgain = false;
      while (!isStopped && (await step()) > 0) {
        // Other work (requests) gets the event loop between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } while (isAgain && !isStopped);
  }

  return {
    /** Something new may wait: work soon. Calls while working make it look again once done. */
    kick() {
      if (isStopped) return;
      if (running) {
        isAgain = true;
        return;
      }
      running = drain()
        .catch(onError)
        .finally(() => {
          running = undefined;
        });
    },
    /** Works until nothing waits (tests and scheduled sweeps). */
    async drain() {
      while (running) await running;
      await drain();
    },
    async stop() {
      isStopped = true;
      await running;
    },
  };
}
