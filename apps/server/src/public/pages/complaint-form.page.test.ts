import { AppError } from '@sada/core';
import { describe, expect, it } from 'vitest';
import { renderComplaintConfirmation } from './complaint-confirmation.page.ts';
import { renderComplaintForm } from './complaint-form.page.ts';
import type { FormPageConfig } from './page-context.ts';
import { formConfigOf } from './test-factories.ts';

const NONCE = 'test-nonce';

function formOf(
  config: FormPageConfig,
  o: {
    language?: 'ar' | 'en';
    values?: Record<string, unknown>;
    errors?: AppError | null;
    embed?: boolean;
  } = {},
) {
  return renderComplaintForm({
    config,
    language: o.language ?? 'ar',
    values: o.values ?? {},
    errors: o.errors ?? null,
    embed: o.embed ?? false,
    nonce: NONCE,
  });
}

/** The opening tag of the element with this id. */
function tagOf(page: string, id: string): string {
  const match = new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(page);
  if (!match) throw new Error(`no element #${id}`);
  return match[0];
}

const invalid = (fields: { path: string; en: string; ar: string }[]) =>
  new AppError(
    'validation_failed',
    { en: 'Some fields are not valid.', ar: 'بعض الحقول غير صحيحة.' },
    { fields: fields.map(({ path, en, ar }) => ({ path, message: { en, ar } })) },
  );

describe('renderComplaintForm', () => {
  it('is right to left in Arabic and left to right in English, with a switch to the other language', () => {
    const arabic = formOf(formConfigOf(), { language: 'ar' });
    expect(arabic).toContain('<html lang="ar" dir="rtl"');
    expect(arabic).toContain('<h1 id="form-title">قدّم شكواك</h1>');
    expect(arabic).toMatch(
      /<a class="switch" href="\/w\/acme\/complaint\?lang=en" lang="en" hreflang="en">English<\/a>/,
    );
    const english = formOf(formConfigOf(), { language: 'en' });
    expect(english).toContain('<html lang="en" dir="ltr"');
    expect(english).toContain('Tell us what went wrong');
    expect(english).toContain('>العربية</a>');
  });

  it('returns a hostile description escaped when the form comes back with errors', () => {
    const hostile = '</textarea><script>alert(document.cookie)</script>';
    const page = formOf(formConfigOf(), {
      values: { description: hostile, name: '"><img src=x onerror=alert(1)>' },
      errors: invalid([{ path: 'body.email', en: 'Invalid email', ar: 'بريد غير صالح' }]),
    });
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;/textarea&gt;&lt;script&gt;alert(document.cookie)&lt;/script&gt;</textarea>');
    expect(page).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    // The only scripts are ours, with the nonce.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain(`<script nonce="${NONCE}">`);
  });

  it('marks required fields for people and screen readers, leaves optional ones unmarked, and hides hidden ones', () => {
    const config = formConfigOf({
      fields: { ...formConfigOf().fields, email: 'required', phone: 'optional', region: 'hidden' },
    });
    const page = formOf(config);
    const email = tagOf(page, 'f-email');
    expect(email).toContain(' required');
    expect(email).toContain('aria-required="true"');
    expect(email).toContain('type="email"');
    expect(page).toMatch(
      /<label for="f-email">البريد الإلكتروني<span class="req" aria-hidden="true">\*<\/span><\/label>/,
    );
    expect(tagOf(page, 'f-phone')).not.toContain('required');
    expect(page).toMatch(/<label for="f-phone">رقم الجوال<\/label>/);
    expect(page).not.toContain('name="region"');
    expect(tagOf(page, 'f-description')).toContain('aria-required="true"');
  });

  it('lists the problems at the top with links, and puts each message beside its field', () => {
    const errors = invalid([
      { path: 'body.email', en: 'Invalid email address', ar: 'عنوان بريد غير صالح' },
      { path: 'description', en: 'Too small', ar: 'قصير جدًا' },
      { path: 'captchaToken', en: 'Solve the security check', ar: 'أكمل التحقق الأمني' },
    ]);
    const page = formOf(formConfigOf(), { language: 'en', errors, values: { email: 'not-an-address' } });
    const summary = /<div id="error-summary"[^>]*>.*?<\/div>/s.exec(page)?.[0] ?? '';
    expect(summary).not.toContain('hidden');
    expect(summary).toContain('<a href="#f-email">Invalid email address</a>');
    expect(summary).toContain('<a href="#f-description">Too small</a>');
    // No field on the page for the captcha answer: the message is listed without a link.
    expect(summary).toContain('<li>Solve the security check</li>');
    const email = tagOf(page, 'f-email');
    expect(email).toContain('aria-invalid="true"');
    expect(email).toContain('aria-describedby="f-email-hint f-email-error"');
    expect(email).toContain('value="not-an-address"');
    expect(page).toContain('<p class="field-error" id="f-email-error">Invalid email address</p>');
    expect(tagOf(page, 'f-name')).not.toContain('aria-invalid');
    expect(page).toContain('<title>Error: Tell us what went wrong · أكمي Acme</title>');
  });

  it('shows an error without fields in the summary, and no summary without an error', () => {
    const rateLimited = new AppError('rate_limited', { en: 'Too many complaints.', ar: 'شكاوى كثيرة.' });
    expect(formOf(formConfigOf(), { errors: rateLimited })).toContain('<li>شكاوى كثيرة.</li>');
    expect(tagOf(formOf(formConfigOf()), 'error-summary')).toContain(' hidden');
  });

  it('hides the honeypot from people and screen readers, and keeps it empty', () => {
    const page = formOf(formConfigOf(), { values: { website: 'spam.example' } });
    expect(page).toMatch(/<div class="trap" aria-hidden="true"><label for="f-website">[^<]+<\/label>/);
    const trap = tagOf(page, 'f-website');
    expect(trap).toContain('tabindex="-1"');
    expect(trap).toContain('autocomplete="off"');
    expect(trap).toContain('value=""');
  });

  it('offers products and categories in the page language, and the configured custom fields by type', () => {
    const config = formConfigOf({
      products: [{ id: 'phone-x', ar: 'هاتف إكس', en: 'Phone X' }],
      customFields: [
        {
          key: 'warranty',
          labelAr: 'الضمان ساري',
          labelEn: 'Under warranty',
          type: 'boolean',
          isRequired: false,
          options: [],
        },
        {
          key: 'channel',
          labelAr: 'قناة الشراء',
          labelEn: 'Bought through',
          type: 'select',
          isRequired: true,
          options: ['website', 'store'],
        },
        {
          key: 'amount',
          labelAr: 'المبلغ',
          labelEn: 'Amount',
          type: 'number',
          isRequired: false,
          options: [],
        },
      ],
    });
    const page = formOf(config, {
      language: 'en',
      values: { product: 'phone-x', customFields: { channel: 'store', amount: 12.5 } },
    });
    expect(page).toContain('<option value="phone-x" selected>Phone X</option>');
    expect(page).toContain('<option value="delivery">Delivery</option>');
    expect(tagOf(page, 'f-customFields-warranty')).toContain('type="checkbox"');
    expect(tagOf(page, 'f-customFields-channel')).toContain(' required');
    expect(page).toContain('<option value="store" selected>store</option>');
    expect(tagOf(page, 'f-customFields-amount')).toContain('value="12.5"');
    expect(tagOf(page, 'f-customFields-amount')).toContain('type="number"');
  });

  it('posts to the API as multipart with a fresh submission id, the language, and the file limits', () => {
    const page = formOf(formConfigOf(), { language: 'en' });
    expect(tagOf(page, 'complaint-form')).toContain(
      'method="post" enctype="multipart/form-data" accept-charset="utf-8" action="/api/public/acme/complaints"',
    );
    const ids = [formOf(formConfigOf()), page].map(
      (rendered) => /name="submissionId" value="([^"]+)"/.exec(rendered)?.[1],
    );
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(page).toContain('<input type="hidden" name="language" value="en">');
    const files = tagOf(page, 'f-attachments');
    expect(files).toContain('multiple');
    expect(files).toContain('accept="image/png,application/pdf"');
    expect(page).toContain('Up to 5 files of at most 10 MB each: PNG, PDF.');
  });

  it('loads the captcha provider’s script with the nonce and names its answer captchaToken', () => {
    const page = formOf(formConfigOf({ captcha: { provider: 'turnstile', siteKey: 'site-key-1' } }));
    expect(page).toContain(
      `<script src="https://challenges.cloudflare.com/turnstile/v0/api.js?hl=ar" nonce="${NONCE}" async defer></script>`,
    );
    expect(page).toContain('data-sitekey="site-key-1"');
    expect(page).toContain('data-response-field-name="captchaToken"');
  });

  it('leaves out the page bar when embedded, and carries the embedding on', () => {
    const page = formOf(formConfigOf(), { embed: true });
    expect(page).toContain('class="embed"');
    expect(page).not.toContain('<header');
    expect(page).toContain('<input type="hidden" name="embed" value="1">');
    expect(page).toContain('href="/w/acme/complaint?embed=1&amp;lang=en"');
  });
});

describe('renderComplaintConfirmation', () => {
  const confirmation = (o: {
    language: 'ar' | 'en';
    embed?: boolean;
    hasEmail?: boolean;
    timeZone?: string;
  }) =>
    renderComplaintConfirmation({
      config: formConfigOf({ ...(o.timeZone && { timeZone: o.timeZone }) }),
      language: o.language,
      reference: 'ACM-2026-000042',
      statusUrl: '/w/acme/status?t=signed.token',
      expectedResponseBy: new Date('2026-03-02T09:00:00Z'),
      embed: o.embed ?? false,
      nonce: NONCE,
      hasEmail: o.hasEmail ?? false,
    });

  it('shows the reference large and copyable, when to expect a reply, and the status link', () => {
    const page = confirmation({ language: 'en', hasEmail: true });
    expect(page).toContain(
      '<p class="reference" dir="ltr" aria-labelledby="reference-label" data-slot="reference">ACM-2026-000042</p>',
    );
    expect(page).toContain('data-copy="ACM-2026-000042"');
    expect(page).toContain('Monday, 2 March 2026 at 09:00 UTC');
    expect(page).toContain('<a data-slot="status" href="/w/acme/status?t=signed.token&amp;lang=en">');
    expect(page).toContain('We have sent an e-mail with the reference number to your address.');
    expect(confirmation({ language: 'en' })).not.toContain('data-slot="email"');
  });

  it('formats the time in Arabic in the workspace’s time zone', () => {
    const page = confirmation({ language: 'ar', timeZone: 'Asia/Riyadh' });
    expect(page).toContain('<html lang="ar" dir="rtl"');
    expect(page).toContain('استلمنا شكواك');
    // 09:00 UTC is 12:00 in Riyadh; Latin digits as in the console.
    expect(page).toMatch(/الاثنين.*2 مارس 2026.*12:00/);
  });

  it('opens the status page in a new tab from the embedded form, which it may not be framed in', () => {
    expect(confirmation({ language: 'ar', embed: true })).toMatch(
      /data-slot="status" href="[^"]+" target="_blank" rel="noopener"/,
    );
  });
});
