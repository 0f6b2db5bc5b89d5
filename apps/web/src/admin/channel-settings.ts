import type { FieldRule, FormField } from '@sada/contracts';

// The complaint form's standard fields in the order the form shows them. The contracts' FORM_FIELDS
// comes with zod at run time; a Record over FormField instead makes the compiler catch a drift.
const FORM_FIELD_SET: Record<FormField, true> = {
  name: true,
  email: true,
  phone: true,
  orderReference: true,
  product: true,
  category: true,
  region: true,
  attachments: true,
};
export const FORM_FIELD_ORDER = Object.keys(FORM_FIELD_SET) as FormField[];

export const FIELD_RULE_ORDER = ['hidden', 'optional', 'required'] as const satisfies readonly FieldRule[];

export const CAPTCHA_PROVIDERS = ['turnstile', 'hcaptcha', 'recaptcha'] as const;

/** The variables the acknowledgement's subject and body may use, as the server fills them, and their labels' keys. */
export const ACKNOWLEDGEMENT_VARIABLES = [
  { name: 'case.reference', label: 'reference' },
  { name: 'customer.name', label: 'customer_name' },
  { name: 'case.expected_response', label: 'expected_response' },
  { name: 'case.status_url', label: 'status_url' },
  { name: 'workspace.name', label: 'workspace' },
] as const;

/** The public addresses and embed snippets of a workspace's owned channels, served by this console's host. */
export function channelLinks(origin: string, slug: string) {
  const base = origin.replace(/\/+$/, '');
  const path = encodeURIComponent(slug);
  const attribute = slug.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return {
    formUrl: `${base}/w/${path}/complaint`,
    embedSnippet: `<script src="${base}/embed.js" data-workspace="${attribute}" async></script>`,
    statusUrl: `${base}/w/${path}/status`,
    widgetSnippet: `<script src="${base}/widget.js" data-workspace="${attribute}" async></script>`,
  };
}

/** The top-level keys of `draft` that differ from `saved`: what a PATCH of that part needs to send. */
export function changedParts<Part extends Record<string, unknown>>(saved: Part, draft: Part): Partial<Part> {
  const changes: Partial<Part> = {};
  for (const key of Object.keys(draft) as (keyof Part)[]) {
    if (JSON.stringify(draft[key]) !== JSON.stringify(saved[key])) changes[key] = draft[key];
  }
  return changes;
}

/** A text in both languages as the server keeps it: without the spaces around either. */
export const trimmedText = (text: { ar: string; en: string }) => ({ ar: text.ar.trim(), en: text.en.trim() });

/** A text input's value as an optional setting: blank means "not set". */
export const nullIfBlank = (text: string): string | null => (text.trim() === '' ? null : text.trim());
