// Reply templates read as personal because they carry the customer's name, the case and the agent.
// A placeholder is `{{ name }}`; whitespace inside the braces is allowed.

/** The variables a reply template may use, in the order the composer offers them. */
export const TEMPLATE_VARIABLES = [
  'customer.first_name',
  'customer.name',
  'case.reference',
  'case.subject',
  'agent.first_name',
  'agent.name',
  'workspace.name',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export const TEMPLATE_VARIABLE_LABELS: Record<TemplateVariable, { ar: string; en: string }> = {
  'customer.first_name': { ar: 'الاسم الأول للعميل', en: "Customer's first name" },
  'customer.name': { ar: 'اسم العميل', en: "Customer's name" },
  'case.reference': { ar: 'الرقم المرجعي', en: 'Reference number' },
  'case.subject': { ar: 'موضوع الحالة', en: 'Case subject' },
  'agent.first_name': { ar: 'الاسم الأول للموظف', en: "Agent's first name" },
  'agent.name': { ar: 'اسم الموظف', en: "Agent's name" },
  'workspace.name': { ar: 'اسم الشركة', en: 'Company name' },
};

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

function placeholdersIn(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(PLACEHOLDER), (match) => match[1]!))];
}

/**
 * Fills the placeholders that have a non-empty value. The others stay as written, so the agent sees
 * them before sending, and are listed in `missing` (each once, in order of appearance).
 */
export function renderTemplate(
  body: string,
  variables: Record<string, string>,
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = body.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = Object.hasOwn(variables, name) ? variables[name]?.trim() : undefined;
    if (value) return value;
    if (!missing.includes(name)) missing.push(name);
    return placeholder;
  });
  return { text, missing };
}

/** The placeholders of a body that are not template variables (a typo would reach the customer). */
export function unknownTemplateVariables(body: string): string[] {
  const known: readonly string[] = TEMPLATE_VARIABLES;
  return placeholdersIn(body).filter((name) => !known.includes(name));
}

// A first word that is only half a name: عبد الله, أبو بكر, Abdul Rahman.
const NAME_PREFIXES = new Set(['عبد', 'ابو', 'أبو', 'abd', 'abdul', 'abu']);

/** The first name of a full name: its first word, or its first two when the first is عبد / أبو / Abdul. */
export function firstNameOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const [first = '', second] = words;
  return second && NAME_PREFIXES.has(first.toLowerCase()) ? `${first} ${second}` : first;
}

/** The variables of one case for one agent; a value that is unknown is left out (and then reported missing). */
export function templateVariablesFor(context: {
  customerName?: string | null | undefined;
  referenceNumber?: string | null | undefined;
  subject?: string | null | undefined;
  agentName?: string | null | undefined;
  workspaceName?: string | null | undefined;
}): Partial<Record<TemplateVariable, string>> {
  const entries: [TemplateVariable, string | null | undefined][] = [
    ['customer.first_name', context.customerName ? firstNameOf(context.customerName) : undefined],
    ['customer.name', context.customerName?.trim()],
    ['case.reference', context.referenceNumber],
    ['case.subject', context.subject],
    ['agent.first_name', context.agentName ? firstNameOf(context.agentName) : undefined],
    ['agent.name', context.agentName?.trim()],
    ['workspace.name', context.workspaceName],
  ];
  return Object.fromEntries(entries.filter((entry): entry is [TemplateVariable, string] => !!entry[1]));
}
