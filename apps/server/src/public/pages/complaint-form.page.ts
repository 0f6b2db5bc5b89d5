import { randomUUID } from 'node:crypto';
import type { FormField } from '@sada/contracts';
import type { AppError } from '@sada/core';
import { confirmationSection } from './complaint-confirmation.page.ts';
import {
  attachmentsHint,
  checkboxField,
  controlAttrs,
  errorSummary,
  type FieldFrame,
  field,
  fieldMessages,
  groupField,
} from './form-controls.ts';
import { attr, html, type RawHtml } from './html.ts';
import { complaintFormHref, dateTimeOptions, formatBytes, renderPage } from './layout.ts';
import { CAPTCHA_PROVIDERS, type FormPageConfig, type PageLanguage } from './page-context.ts';
import { type PageStrings, STRINGS } from './strings.ts';

/** What the customer typed, to fill the form in again: `complaintFormInput(...).input`, parsed or not. */
export type ComplaintFormValues = Readonly<Record<string, unknown>>;

type FormPage = { config: FormPageConfig; language: PageLanguage; embed: boolean; nonce: string };

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const localized = (text: { ar: string; en: string }, language: PageLanguage) =>
  text[language] || text[language === 'ar' ? 'en' : 'ar'];

/** A select with an empty "Choose…" first, so that a required one must be chosen. */
function selectField(
  frame: FieldFrame,
  name: string,
  choices: readonly { value: string; label: string }[],
  selected: string,
  strings: PageStrings,
): RawHtml {
  return field(
    frame,
    html`<select name="${name}"${controlAttrs(frame)}><option value="">${strings.choose}</option>${choices.map(
      (choice) =>
        html`<option value="${choice.value}"${attr('selected', choice.value === selected)}>${choice.label}</option>`,
    )}</select>`,
  );
}

// The standard fields in the order the form asks for them, each as the admin set it.
function standardField(
  name: FormField,
  page: FormPage,
  values: ComplaintFormValues,
  errors: Map<string, string>,
) {
  const { config, language } = page;
  const strings = STRINGS[language];
  const rule = config.fields[name];
  if (rule === 'hidden' || name === 'attachments') return '';
  const id = `f-${name}`;
  const frame: FieldFrame = {
    id,
    label: strings.fields[name],
    isRequired: rule === 'required',
    error: errors.get(id),
  };
  const value = textOf(values[name]);
  const text = (extra: RawHtml) =>
    field(frame, html`<input name="${name}" value="${value}"${controlAttrs(frame)}${extra}>`);
  switch (name) {
    case 'name':
      return text(html` type="text" autocomplete="name" maxlength="200"`);
    case 'email':
      frame.hint = strings.emailHint;
      return text(html` type="email" autocomplete="email" dir="ltr" maxlength="254"`);
    case 'phone':
      return text(html` type="tel" autocomplete="tel" dir="ltr" maxlength="20"`);
    case 'orderReference':
      return text(html` type="text" dir="auto" maxlength="100"`);
    case 'region':
      return text(html` type="text" autocomplete="address-level1" maxlength="100"`);
    case 'product': {
      if (config.products.length === 0) return text(html` type="text" maxlength="200"`);
      const products = config.products.map((item) => ({ value: item.id, label: localized(item, language) }));
      return selectField(frame, name, products, value, strings);
    }
    case 'category': {
      // Without categories there is nothing to choose from.
      if (config.categories.length === 0) return '';
      const categories = config.categories.map((item) => ({
        value: item.id,
        label: localized(item, language),
      }));
      return selectField(frame, name, categories, value, strings);
    }
  }
}

type CustomField = FormPageConfig['customFields'][number];

function customField(
  definition: CustomField,
  page: FormPage,
  values: ComplaintFormValues,
  errors: Map<string, string>,
) {
  const strings = STRINGS[page.language];
  const name = `customFields.${definition.key}`;
  const id = `f-customFields-${definition.key}`;
  const frame: FieldFrame = {
    id,
    label:
      page.language === 'ar'
        ? definition.labelAr || definition.labelEn
        : definition.labelEn || definition.labelAr,
    isRequired: definition.isRequired,
    error: errors.get(id),
  };
  const given = values.customFields;
  const current =
    typeof given === 'object' && given !== null
      ? (given as Record<string, unknown>)[definition.key]
      : undefined;
  const value = textOf(current);
  switch (definition.type) {
    case 'number':
      return field(
        frame,
        html`<input type="number" step="any" inputmode="decimal" name="${name}" value="${value}"${controlAttrs(frame)}>`,
      );
    case 'date':
      return field(frame, html`<input type="date" name="${name}" value="${value}"${controlAttrs(frame)}>`);
    case 'boolean': {
      frame.isRequired = false;
      const isChecked = current === true || current === 'true' || current === 'on';
      // Unticked is an answer too ("no"), so the box itself is never required.
      return checkboxField(
        frame,
        html`<input type="checkbox" name="${name}" value="true"${attr('checked', isChecked)}${controlAttrs(frame, { canRequire: false })}>`,
      );
    }
    case 'select': {
      const choices = definition.options.map((option) => ({ value: option, label: option }));
      return selectField(frame, name, choices, value, strings);
    }
    case 'multiselect': {
      const chosen = Array.isArray(current) ? current.map(textOf) : [value];
      return groupField(
        frame,
        html`${definition.options.map(
          (option, index) =>
            html`<div class="option"><input type="checkbox" id="${id}-${index}" name="${name}" value="${option}"${attr('checked', chosen.includes(option))}><label for="${id}-${index}">${option}</label></div>`,
        )}`,
      );
    }
    default:
      return field(
        frame,
        html`<input type="text" name="${name}" value="${value}" maxlength="2000"${controlAttrs(frame)}>`,
      );
  }
}

/** The ids of the controls the form shows, so that the error summary links only to those. */
function renderedFieldIds(config: FormPageConfig): Set<string> {
  const ids = new Set(['f-description']);
  for (const [name, rule] of Object.entries(config.fields)) {
    const isShown = rule !== 'hidden' && (name !== 'category' || config.categories.length > 0);
    if (isShown) ids.add(`f-${name}`);
  }
  for (const definition of config.customFields) ids.add(`f-customFields-${definition.key}`);
  return ids;
}

function attachmentsField(page: FormPage, errors: Map<string, string>) {
  const { config, language } = page;
  const rule = config.fields.attachments;
  if (rule === 'hidden') return '';
  const strings = STRINGS[language];
  const frame: FieldFrame = {
    id: 'f-attachments',
    label: strings.fields.attachments,
    isRequired: rule === 'required',
    hint: attachmentsHint(config.attachments, language),
    error: errors.get('f-attachments'),
  };
  return field(
    frame,
    html`<input type="file" name="attachments" multiple accept="${config.attachments.types.join(',')}"${controlAttrs(frame)}>`,
  );
}

function captchaWidget(page: FormPage): RawHtml | '' {
  const captcha = page.config.captcha;
  const provider = captcha ? CAPTCHA_PROVIDERS[captcha.provider] : undefined;
  if (!captcha || !provider) return '';
  // Turnstile names its answer field as told; hCaptcha and reCAPTCHA keep theirs and the server reads both.
  return html`<div class="field" role="group" aria-label="${STRINGS[page.language].captcha}"><div class="${provider.widgetClass}" data-sitekey="${captcha.siteKey}" data-language="${page.language}" data-response-field-name="captchaToken"></div></div>`;
}

function captchaScript(page: FormPage): RawHtml | undefined {
  const captcha = page.config.captcha;
  const provider = captcha ? CAPTCHA_PROVIDERS[captcha.provider] : undefined;
  if (!provider) return undefined;
  return html`<script src="${provider.script}?hl=${page.language}" nonce="${page.nonce}" async defer></script>`;
}

/** The honeypot: off-screen, out of the tab order and hidden from screen readers; people leave it empty. */
const honeypot = (strings: PageStrings) =>
  html`<div class="trap" aria-hidden="true"><label for="f-website">${strings.honeypot}</label><input type="text" id="f-website" name="website" value="" tabindex="-1" autocomplete="off"></div>`;

/** The complaint form, empty or filled in again with the customer's values and the problems found. */
export function renderComplaintForm(o: {
  config: FormPageConfig;
  language: PageLanguage;
  values: ComplaintFormValues;
  errors: AppError | null;
  embed: boolean;
  nonce: string;
}): string {
  const { config, language, values, embed } = o;
  const page: FormPage = { config, language, embed, nonce: o.nonce };
  const strings = STRINGS[language];
  const slug = config.workspace.slug;
  const messages = fieldMessages(o.errors, language);
  const title = localized(config.title, language) || strings.formTitle;
  const intro = localized(config.intro, language);
  const fields = [
    ...(['name', 'email', 'phone', 'product', 'category', 'orderReference', 'region'] as const).map((name) =>
      standardField(name, page, values, messages),
    ),
    ...config.customFields.map((definition) => customField(definition, page, values, messages)),
  ];
  const description: FieldFrame = {
    id: 'f-description',
    label: strings.description,
    isRequired: true,
    hint: strings.descriptionHint,
    error: messages.get('f-description'),
  };
  const submissionId = textOf(values.submissionId).length >= 8 ? textOf(values.submissionId) : randomUUID();
  const zone = config.timeZone ?? 'UTC';
  const template = confirmationSection(strings, {
    reference: '',
    statusHref: '#',
    expectedText: '',
    hasEmail: true,
    anotherHref: complaintFormHref(slug, language, embed),
    embed,
  });
  const body = html`<section id="complaint" aria-labelledby="form-title">
<h1 id="form-title">${title}</h1>
${intro ? intro.split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph}</p>`) : ''}
${errorSummary({ error: o.errors, language, fieldIds: renderedFieldIds(config) })}
<p class="hint">${strings.requiredNote}</p>
<form id="complaint-form" method="post" enctype="multipart/form-data" accept-charset="utf-8" action="/api/public/${encodeURIComponent(slug)}/complaints" data-sending="${strings.sending}" data-failed="${strings.failed}" data-too-large="${strings.tooLarge({ count: config.attachments.maxCount, size: formatBytes(config.attachments.maxBytes, language) })}" data-rate-limited="${strings.rateLimited}">
<input type="hidden" name="submissionId" value="${submissionId}">
<input type="hidden" name="language" value="${language}">
${embed ? html`<input type="hidden" name="embed" value="1">` : ''}
${fields}
${field(description, html`<textarea name="description" maxlength="20000" rows="8"${controlAttrs(description)}>${textOf(values.description)}</textarea>`)}
${attachmentsField(page, messages)}
${honeypot(strings)}
${captchaWidget(page)}
<button type="submit">${strings.submit}</button>
</form>
</section>
<template id="complaint-done" data-date-options="${JSON.stringify(dateTimeOptions(zone))}">${template}</template>`;
  return renderPage({
    language,
    title: o.errors ? `${strings.errorTitle}: ${title}` : title,
    nonce: o.nonce,
    isEmbed: embed,
    workspaceName: config.workspace.name,
    switchHref: complaintFormHref(slug, language === 'ar' ? 'en' : 'ar', embed),
    body,
    head: captchaScript(page),
  });
}
