// When a case reaches a team, the customer hears on their channel, in their language, that a
// specialised team has it. Written with the team change, in its transaction; delivered by the outbox.

import { renderTemplate, templateVariablesFor } from '@sada/core';
import {
  type CaseRow,
  type Executor,
  findCustomerSummary,
  findTeamById,
  findWorkspaceById,
  type WorkspaceRow,
} from '@sada/db';
import { detectLanguage } from '@sada/triage';
import { recordAutomaticMessage } from '../channels/automatic-message.ts';
import { channelSettingsOf } from '../channels/channel-settings.ts';

/** Who the timeline says sent the notice. */
const NOTICE_LABEL = 'Sada routing';

function noticeLanguage(
  caseRow: CaseRow,
  customerLanguage: string | null | undefined,
  workspace: WorkspaceRow,
): 'ar' | 'en' {
  for (const language of [caseRow.language, customerLanguage]) {
    if (language === 'ar' || language === 'en') return language;
  }
  const guess = detectLanguage(`${caseRow.subject}\n${caseRow.description}`).label;
  if (guess === 'ar' || guess === 'en') return guess;
  return workspace.defaultLanguage === 'en' ? 'en' : 'ar';
}

/**
 * Tells the customer that `teamId` now has the case: an automatic outbound message from the
 * workspace's template, queued for delivery on the case's channel. Nothing when the template or the
 * team's notice is switched off. Returns the case as it stands after the message.
 */
export async function tellCustomerTeamHasCase(
  tx: Executor,
  input: { caseRow: CaseRow; teamId: string; now: Date; mailDomain: string },
): Promise<CaseRow> {
  const { caseRow, now } = input;
  const [team, workspace] = await Promise.all([
    findTeamById(tx, caseRow.workspaceId, input.teamId),
    findWorkspaceById(tx, caseRow.workspaceId),
  ]);
  if (!team?.isRoutingNoticeOn || !workspace) return caseRow;
  const settings = channelSettingsOf(workspace.channelSettings);
  if (!settings.routingNotice.isEnabled) return caseRow;
  const customer = caseRow.customerId
    ? await findCustomerSummary(tx, caseRow.workspaceId, caseRow.customerId)
    : undefined;
  const language = noticeLanguage(caseRow, customer?.language, workspace);
  const due = new Date(caseRow.createdAt.getTime() + settings.expectedResponseHours * 3_600_000);
  const variables: Record<string, string> = {
    ...templateVariablesFor({
      customerName: customer?.name ?? null,
      referenceNumber: caseRow.referenceNumber,
      subject: caseRow.subject,
      workspaceName: workspace.name,
    }),
    'team.name': team.name,
    'case.expected_response': new Intl.DateTimeFormat(language === 'ar' ? 'ar-u-nu-latn' : 'en-GB', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: workspace.timeZone,
    }).format(due),
  };
  // A variable without a value (no customer name) leaves nothing behind in the customer's message.
  const render = (template: string) =>
    renderTemplate(template, variables)
      .text.replace(/\{\{\s*[^{}\s]+\s*\}\}/g, '')
      .replace(/ +([،,])/g, '$1');
  const recorded = await recordAutomaticMessage(tx, {
    caseRow,
    label: NOTICE_LABEL,
    body: render(settings.routingNotice.body[language]),
    now,
    mailDomain: input.mailDomain,
    subject:
      caseRow.channel === 'email'
        ? `Re: ${caseRow.subject}`
        : render(settings.routingNotice.subject[language]),
  });
  return recorded?.row ?? caseRow;
}
