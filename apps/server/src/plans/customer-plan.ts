import type { PublicPlanStep } from '@sada/contracts';
import { type CaseRow, type Executor, listPlanSteps } from '@sada/db';

/** The customer-visible steps, as the status page shows them (cancelled ones are left out). */
export async function customerPlanOf(executor: Executor, caseRow: CaseRow): Promise<PublicPlanStep[]> {
  const steps = await listPlanSteps(executor, caseRow.workspaceId, caseRow.id);
  return steps
    .filter((step) => step.isCustomerVisible && step.status !== 'cancelled')
    .map((step) => ({
      title: step.title,
      status: step.status as PublicPlanStep['status'],
      dueAt: step.dueAt,
      completedAt: step.completedAt,
      note: step.status === 'done' ? step.customerNote : null,
    }));
}
