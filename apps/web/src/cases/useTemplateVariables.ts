import { templateVariablesFor } from '@sada/core';
import { useCurrentUser } from '../auth/session.ts';
import type { CaseDetail } from './case-types.ts';

/** The values a reply template's {{variables}} take on this case, for the signed-in agent. */
export function useTemplateVariables(caseDetail: CaseDetail): Record<string, string> {
  const me = useCurrentUser();
  return templateVariablesFor({
    customerName: caseDetail.customerName,
    referenceNumber: caseDetail.referenceNumber,
    subject: caseDetail.subject,
    agentName: me.name,
    workspaceName: me.workspace.name,
  });
}
