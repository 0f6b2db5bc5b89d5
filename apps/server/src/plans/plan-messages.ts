// What the customer is told of their plan, on their channel, in their language: a step they can see is
// done, or the periodic progress update. Only steps they can see count in what they are told.
import type { CaseRow, Executor, PlanStepRow } from '@sada/db';
import { findWorkspaceById } from '@sada/db';
import { customerLanguageOf, sendAutomaticMessage } from '../channels/automatic-message.ts';

/** Who the timeline and the thread say sent the message. */
export const PLAN_LABEL = 'Sada';

const WORDING = {
  en: {
    stepDone: 'Update on your case {{reference}}: “{{step}}” is done.{{note}} {{progress}}',
    progress: '{{done}} of {{total}} steps done.',
    periodic: 'Progress on your case {{reference}}: {{progress}}{{next}}',
    next: ' Next: “{{step}}”{{due}}.',
    nextDue: ', expected by {{due}}',
    stillWorking: 'We are still working on your case {{reference}}.',
    link: 'Follow your case: {{link}}',
  },
  ar: {
    stepDone: 'تحديث على حالتك {{reference}}: تمّ إنجاز «{{step}}».{{note}} {{progress}}',
    progress: 'أُنجزت {{done}} من {{total}} خطوات.',
    periodic: 'تقدّم العمل على حالتك {{reference}}: {{progress}}{{next}}',
    next: ' الخطوة التالية: «{{step}}»{{due}}.',
    nextDue: '، ومتوقّع إنجازها في {{due}}',
    stillWorking: 'ما زلنا نعمل على حالتك {{reference}}.',
    link: 'تابع حالتك: {{link}}',
  },
} as const;

type Language = keyof typeof WORDING;

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

const formatDate = (date: Date, language: Language, timeZone: string) =>
  new Intl.DateTimeFormat(language === 'ar' ? 'ar-u-nu-latn' : 'en-GB', {
    dateStyle: 'full',
    timeZone,
  }).format(date);

/** Done and total of the steps the customer can see (cancelled ones are not counted). */
export function visibleProgress(steps: PlanStepRow[]) {
  const visible = steps.filter((step) => step.isCustomerVisible && step.status !== 'cancelled');
  return { done: visible.filter((step) => step.status === 'done').length, total: visible.length };
}

type Outgoing = { caseRow: CaseRow; now: Date; mailDomain: string; statusLink: string };

async function send(
  tx: Executor,
  input: Outgoing,
  compose: (language: Language, timeZone: string) => string,
) {
  const workspace = await findWorkspaceById(tx, input.caseRow.workspaceId);
  if (!workspace) return null;
  const language = customerLanguageOf(input.caseRow, workspace);
  const words = WORDING[language];
  const body = `${compose(language, workspace.timeZone)}\n\n${fill(words.link, { link: input.statusLink })}`;
  return sendAutomaticMessage(tx, {
    caseRow: input.caseRow,
    body,
    label: PLAN_LABEL,
    now: input.now,
    mailDomain: input.mailDomain,
  });
}

/** Tells the customer a step they can see is done, with its note and how far the plan is. */
export function tellStepDone(tx: Executor, input: Outgoing & { step: PlanStepRow; steps: PlanStepRow[] }) {
  return send(tx, input, (language) => {
    const words = WORDING[language];
    const progress = visibleProgress(input.steps);
    return fill(words.stepDone, {
      reference: input.caseRow.referenceNumber,
      step: input.step.title,
      note: input.step.customerNote ? ` ${input.step.customerNote}` : '',
      progress: fill(words.progress, { done: String(progress.done), total: String(progress.total) }),
    });
  });
}

/** The periodic update: steps done of those the customer sees, and the next one with its due date. */
export function tellProgress(tx: Executor, input: Outgoing & { steps: PlanStepRow[] }) {
  return send(tx, input, (language, timeZone) => {
    const words = WORDING[language];
    const reference = input.caseRow.referenceNumber;
    const progress = visibleProgress(input.steps);
    if (progress.total === 0) return fill(words.stillWorking, { reference });
    const next = input.steps.find(
      (step) => step.isCustomerVisible && (step.status === 'pending' || step.status === 'in_progress'),
    );
    return fill(words.periodic, {
      reference,
      progress: fill(words.progress, { done: String(progress.done), total: String(progress.total) }),
      next: next
        ? fill(words.next, {
            step: next.title,
            due: next.dueAt ? fill(words.nextDue, { due: formatDate(next.dueAt, language, timeZone) }) : '',
          })
        : '',
    });
  });
}
