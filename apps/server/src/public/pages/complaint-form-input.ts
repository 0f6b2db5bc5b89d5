import { type FormFields, lastValue } from './multipart-form.ts';
import type { FormPageConfig } from './page-context.ts';

// The form's plain fields that go to the request as they are (empty ones are left out).
const TEXT_FIELDS = [
  'name',
  'email',
  'phone',
  'subject',
  'description',
  'orderReference',
  'product',
  'category',
  'region',
  'language',
  'website',
  'captchaToken',
  'submissionId',
] as const;

// hCaptcha and reCAPTCHA name their answer field themselves.
const CAPTCHA_FIELDS = [
  'captchaToken',
  'cf-turnstile-response',
  'h-captcha-response',
  'g-recaptcha-response',
];

function customFieldValue(type: string, values: string[]): unknown {
  const value = values.at(-1)?.trim() ?? '';
  switch (type) {
    case 'multiselect':
      return values.filter((item) => item !== '');
    case 'boolean':
      return value === 'true' || value === 'on';
    case 'number': {
      if (value === '') return undefined;
      const number = Number(value);
      // Not a number: passed on as written, so the validation names the field.
      return Number.isFinite(number) ? number : value;
    }
    default:
      return value === '' ? undefined : value;
  }
}

/**
 * Turns the complaint form's posted fields into the shape of `publicComplaintRequest` (to be
 * parsed by it): empty fields left out, `customFields.KEY` gathered and typed by the workspace's
 * definitions (an unticked box is `false`), the captcha answer under `captchaToken`. `isEmbed`: the
 * form was the embedded one, so the answer page is too.
 */
export function complaintFormInput(
  fields: FormFields,
  config: Pick<FormPageConfig, 'customFields'>,
): { input: Record<string, unknown>; isEmbed: boolean } {
  const input: Record<string, unknown> = {};
  for (const name of TEXT_FIELDS) {
    const value = lastValue(fields, name);
    if (value !== undefined && value.trim() !== '') input[name] = value;
  }
  const captcha = CAPTCHA_FIELDS.map((name) => lastValue(fields, name)).find((value) => value?.trim());
  if (captcha) input.captchaToken = captcha;
  const customFields: Record<string, unknown> = {};
  for (const definition of config.customFields) {
    const given = fields[`customFields.${definition.key}`];
    const values = given === undefined ? [] : Array.isArray(given) ? given : [given];
    if (values.length === 0 && definition.type !== 'boolean') continue;
    const value = customFieldValue(definition.type, values);
    if (value !== undefined) customFields[definition.key] = value;
  }
  if (Object.keys(customFields).length > 0) input.customFields = customFields;
  return { input, isEmbed: lastValue(fields, 'embed') === '1' };
}
