import type { AppError } from '@sada/core';
import { attr, html, type RawHtml } from './html.ts';
import { formatBytes } from './layout.ts';
import type { PageLanguage } from './page-context.ts';
import { STRINGS } from './strings.ts';

/** The id of a field's control: `body.customFields.size` and `customFields.size` are `f-customFields-size`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/^body\./, '').replace(/\./g, '-')}`;
}

/** A field's label, hint and message, and whether it must be filled in. */
export type FieldFrame = {
  id: string;
  label: string;
  isRequired: boolean;
  hint?: string | undefined;
  error?: string | undefined;
};

/** One message per field id from an error's fields, in the page's language (the first one wins). */
export function fieldMessages(error: AppError | null, language: PageLanguage): Map<string, string> {
  const messages = new Map<string, string>();
  for (const field of error?.fields ?? []) {
    const id = fieldId(field.path);
    if (!messages.has(id)) messages.set(id, field.message[language]);
  }
  return messages;
}

const describedBy = (frame: FieldFrame) =>
  [frame.hint ? `${frame.id}-hint` : '', frame.error ? `${frame.id}-error` : ''].filter(Boolean).join(' ');

/** id, required and the aria attributes of a control. `isRequiredAttr: false` for checkbox groups. */
export function controlAttrs(frame: FieldFrame, { canRequire = true } = {}): RawHtml {
  const isRequired = frame.isRequired && canRequire;
  return html` id="${frame.id}"${attr('required', isRequired)}${attr('aria-required', isRequired ? 'true' : null)}${attr('aria-invalid', frame.error ? 'true' : null)}${attr('aria-describedby', describedBy(frame))}`;
}

const requiredMark = (frame: FieldFrame) =>
  frame.isRequired ? html`<span class="req" aria-hidden="true">*</span>` : '';

/** Hint and message under a label; the message element is always there for the page script to fill. */
function notes(frame: FieldFrame): RawHtml {
  return html`${frame.hint ? html`<p class="hint" id="${frame.id}-hint">${frame.hint}</p>` : ''}<p class="field-error" id="${frame.id}-error">${frame.error ?? ''}</p>`;
}

/** A labelled control with its hint and message. */
export function field(frame: FieldFrame, control: RawHtml): RawHtml {
  return html`<div class="field"><label for="${frame.id}">${frame.label}${requiredMark(frame)}</label>${notes(frame)}${control}</div>`;
}

/** A single checkbox with its label after it. */
export function checkboxField(frame: FieldFrame, control: RawHtml): RawHtml {
  return html`<div class="field check">${notes(frame)}${control}<label for="${frame.id}">${frame.label}${requiredMark(frame)}</label></div>`;
}

/** A group of controls (checkboxes) under a legend. */
export function groupField(frame: FieldFrame, controls: RawHtml): RawHtml {
  return html`<fieldset class="field"${controlAttrs(frame, { canRequire: false })}><legend>${frame.label}${requiredMark(frame)}</legend>${notes(frame)}${controls}</fieldset>`;
}

/** The list of problems at the top of a form, each linking to its field when the field is on the page. */
export function errorSummary(o: {
  error: AppError | null;
  language: PageLanguage;
  fieldIds: ReadonlySet<string>;
  /** A message of ours instead of the error's own (the lookup's neutral one). */
  message?: string;
}): RawHtml {
  const { error, language } = o;
  const strings = STRINGS[language];
  const items: RawHtml[] = [];
  for (const [id, message] of fieldMessages(error, language)) {
    items.push(
      o.fieldIds.has(id) ? html`<li><a href="#${id}">${message}</a></li>` : html`<li>${message}</li>`,
    );
  }
  if (items.length === 0 && (o.message || error))
    items.push(html`<li>${o.message ?? error?.text[language]}</li>`);
  const isShown = items.length > 0;
  return html`<div id="error-summary" class="summary" tabindex="-1" aria-labelledby="error-summary-title"${attr('hidden', !isShown)}${attr('autofocus', isShown)}><h2 id="error-summary-title">${strings.errorSummary}</h2><ul>${items}</ul></div>`;
}

/** "Up to 5 files of at most 10 MB each: PNG, PDF." for a file input. */
export function attachmentsHint(
  limits: { maxCount: number; maxBytes: number; types: readonly string[] },
  language: PageLanguage,
): string {
  const names = limits.types.map((type) => (type.split('/')[1] ?? type).toUpperCase());
  return STRINGS[language].attachmentsHint({
    count: limits.maxCount,
    size: formatBytes(limits.maxBytes, language),
    types: names.join(language === 'ar' ? '، ' : ', '),
  });
}
