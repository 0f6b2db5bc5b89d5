// Gives teams' queued cases to free agents in the background. The queue is the data (unassigned
// new and open cases of teams not in manual mode), so a kick lost or a process stopped loses
// nothing; every process that runs jobs may run this worker on the same database at once.
import { createDrainLoop } from '../jobs/drain-loop.ts';
import type { AssignmentService } from './assignment.service.ts';

/** How often the worker looks even without a kick (an agent's shift began, another process changed something). */
export const ASSIGNMENT_SWEEP_MS = 30_000;

export type AssignmentWorker = ReturnType<typeof createAssignmentWorker>;

export function createAssignmentWorker(options: {
  assignment: AssignmentService;
  onError: (error: unknown) => void;
  sweepMs?: number;
}) {
  const loop = createDrainLoop(() => options.assignment.assignQueued(), options.onError);
  const stopListening = options.assignment.onChange(() => loop.kick());
  const sweeper = setInterval(() => loop.kick(), options.sweepMs ?? ASSIGNMENT_SWEEP_MS);
  sweeper.unref();
  return {
    kick: loop.kick,
    drain: loop.drain,
    async stop() {
      clearInterval(sweeper);
      stopListening();
      await loop.stop();
    },
  };
}
