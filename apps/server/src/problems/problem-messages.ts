// "The cause was fixed": what each linked case's customer is told when a problem closes, on their
// channel, in their language, queued in the closing transaction (the outbox delivers it). A reply
// template or the closer's own words are filled with the case's variables; a variable without a value
// is left out rather than reaching the customer as "{{customer.first_name}}".
import { renderTemplate, templateVariablesFor } from '@sada/core';
import {
  type CaseRow,
  type Executor,
  findWorkspaceById,
  listProblemCases,
  lockCaseById,
  markProblemCaseNotified,
  type ProblemRow,
  type ReplyTemplateRow,
  type WorkspaceRow,
} from '@sada/db';
import { detectLanguage } from '@sada/triage';
import { customerLanguageOf, sendAutomaticMessage } from '../channels/automatic-message.ts';

/** Who the thread says sent the message. */
export const PROBLEM_LABEL = 'Sada';

const DEFAULT_TEXT = {
  en: 'Update on your complaint {{case.reference}}: we found the cause of the problem you reported and fixed it. Thank you for telling us.',
  ar: 'تحديث على شكواك {{case.reference}}: وجدنا سبب المشكلة التي أبلغتنا عنها وأصلحناه. شكرًا لإبلاغنا.',
} as const;

const LINK_TEXT = { en: 'Follow your case: {{link}}', ar: 'تابع حالتك: {{link}}' } as const;

/** The words chosen when closing: a template, or the closer's text in each language, or Sada's default. */
export type FixedNoticeWording = { ar: string; en: string };

export function wordingOf(input: {
  template?: ReplyTemplateRow | undefined;
  message?: { ar: string; en: string } | undefined;
}): FixedNoticeWording {
  if (input.template) return { ar: input.template.bodyAr, en: input.template.bodyEn };
  if (input.message) return { ar: input.message.ar, en: input.message.en };
  return { ...DEFAULT_TEXT };
}

/** The text for one customer: their language's wording (else the other's, else the default), filled. */
export function fixedNoticeText(
  wording: FixedNoticeWording,
  language: 'ar' | 'en',
  variables: Record<string, string>,
): string {
  const other = language === 'ar' ? 'en' : 'ar';
  const body = wording[language].trim() || wording[other].trim() || DEFAULT_TEXT[language];
  const { text } = renderTemplate(body, variables);
  return text
    .replace(/\{\{\s*[^{}\s]+\s*\}\}/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([،,.!؟?])/g, '$1')
    .trim();
}

/** The case's language; when triage has not set it, the language the customer wrote in, as intake reads it. */
function languageOf(caseRow: CaseRow, workspace: WorkspaceRow): 'ar' | 'en' {
  if (caseRow.language === 'ar' || caseRow.language === 'en') return caseRow.language;
  const guess = detectLanguage(`${caseRow.subject}\n${caseRow.description}`).label;
  return guess === 'ar' || guess === 'en' ? guess : customerLanguageOf(caseRow, workspace);
}

/** Queues the notice on the locked case; answers the stored message, or null when the case takes none. */
function tellCauseFixed(
  tx: Executor,
  input: {
    caseRow: CaseRow;
    customerName: string | null;
    workspace: WorkspaceRow;
    agentName: string;
    wording: FixedNoticeWording;
    statusLink: string;
    now: Date;
    mailDomain: string;
  },
) {
  const { caseRow, workspace } = input;
  const language = languageOf(caseRow, workspace);
  const variables = templateVariablesFor({
    customerName: input.customerName,
    referenceNumber: caseRow.referenceNumber,
    subject: caseRow.subject,
    agentName: input.agentName,
    workspaceName: workspace.name,
  });
  const text = fixedNoticeText(input.wording, language, variables);
  const body = `${text}\n\n${LINK_TEXT[language].replace('{{link}}', input.statusLink)}`;
  return sendAutomaticMessage(tx, {
    caseRow,
    body,
    label: PROBLEM_LABEL,
    now: input.now,
    mailDomain: input.mailDomain,
  });
}

/**
 * Queues the notice to each linked case not yet told, marking each link in the caller's transaction
 * (the one that closes the problem): a retried close never tells a customer twice. Answers how many
 * messages were queued (a case that takes no message is marked all the same).
 */
export async function tellLinkedCustomers(
  tx: Executor,
  input: {
    problem: ProblemRow;
    agentName: string;
    wording: FixedNoticeWording;
    statusLink: (caseId: string) => string;
    now: Date;
    mailDomain: string;
  },
): Promise<number> {
  const { problem, now } = input;
  const workspace = await findWorkspaceById(tx, problem.workspaceId);
  if (!workspace) return 0;
  let sent = 0;
  for (;;) {
    const batch = await listProblemCases(tx, problem.workspaceId, problem.id, {
      limit: 200,
      onlyUnnotified: true,
    });
    if (batch.length === 0) return sent;
    for (const item of batch) {
      const caseRow = await lockCaseById(tx, problem.workspaceId, item.caseId);
      const message = caseRow
        ? await tellCauseFixed(tx, {
            caseRow,
            customerName: item.customerName,
            workspace,
            agentName: input.agentName,
            wording: input.wording,
            statusLink: input.statusLink(item.caseId),
            now,
            mailDomain: input.mailDomain,
          })
        : null;
      if (message) sent += 1;
      await markProblemCaseNotified(tx, {
        workspaceId: problem.workspaceId,
        problemId: problem.id,
        caseId: item.caseId,
        messageId: message?.id ?? null,
        now,
      });
    }
  }
}
