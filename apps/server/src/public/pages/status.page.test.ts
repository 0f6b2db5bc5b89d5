import { AppError } from '@sada/core';
import { describe, expect, it } from 'vitest';
import { renderCaseStatus, renderNotFound, renderStatusLookup } from './status.page.ts';
import { caseViewOf } from './test-factories.ts';

const workspace = { slug: 'acme', name: 'Acme' };
const NONCE = 'n1';
const LIMITS = { maxBytes: 10 * 1024 * 1024, maxCount: 5, types: ['image/png', 'application/pdf'] };

describe('renderStatusLookup', () => {
  it('asks for the reference and the e-mail or phone, both required', () => {
    const page = renderStatusLookup({
      workspace,
      language: 'ar',
      nonce: NONCE,
      values: {},
      notice: null,
      errors: null,
    });
    expect(page).toContain('<html lang="ar" dir="rtl"');
    expect(page).toContain('<form method="post" action="/w/acme/status?lang=ar"');
    expect(page).toMatch(/<input type="text" name="reference"[^>]* required aria-required="true"/);
    expect(page).toMatch(/<input type="text" name="contact"[^>]* required aria-required="true"/);
    expect(page).toContain('البريد الإلكتروني أو رقم الجوال الذي كتبته');
  });

  it('says the same neutral sentence whatever did not match, keeping what was typed', () => {
    const page = renderStatusLookup({
      workspace,
      language: 'en',
      nonce: NONCE,
      values: { reference: 'ACM-2026-000001', contact: '<b>me</b>' },
      notice: 'not_found',
      errors: null,
    });
    expect(page).toContain(
      '<li>We could not find a complaint with these details. Check the reference number and the e-mail or phone you gave.</li>',
    );
    expect(page).toContain('value="ACM-2026-000001"');
    expect(page).toContain('value="&lt;b&gt;me&lt;/b&gt;"');
  });

  it('tells the reader when their link has expired', () => {
    const page = renderStatusLookup({
      workspace,
      language: 'ar',
      nonce: NONCE,
      values: {},
      notice: 'expired',
      errors: null,
    });
    expect(page).toContain('<p class="notice warn" role="status">انتهت صلاحية هذا الرابط.');
  });
});

describe('renderCaseStatus', () => {
  const render = (o: Partial<Parameters<typeof renderCaseStatus>[0]> = {}) =>
    renderCaseStatus({
      workspace,
      language: 'en',
      nonce: NONCE,
      token: 'tok.en',
      view: caseViewOf(),
      isSent: false,
      error: null,
      values: {},
      attachments: LIMITS,
      ...o,
    });

  it('shows the reference, subject, status in words, dates, and the updates oldest first', () => {
    const page = render();
    expect(page).toContain('<h1 dir="auto">الطلب ما وصل</h1>');
    expect(page).toContain('<bdi dir="ltr" class="ref">ACM-2026-000042</bdi>');
    expect(page).toContain('<span class="status-label" data-status="open">In progress</span>');
    expect(page).toContain('Sunday, 1 March 2026 at 09:00 UTC');
    expect(page).toContain('Monday, 2 March 2026 at 09:00 UTC');
    const statusChange = page.indexOf('Status changed to');
    const reply = page.indexOf('نعتذر عن التأخير');
    expect(statusChange).toBeGreaterThan(0);
    expect(reply).toBeGreaterThan(statusChange);
    expect(page).toContain(
      '<a href="/api/public/acme/attachments/1?t=x" download="waybill.pdf"><bdi>waybill.pdf</bdi></a> (2 KB)',
    );
  });

  it('speaks Arabic right to left, and leaves out the expected time once there is none', () => {
    const page = render({
      language: 'ar',
      view: caseViewOf({ status: 'pending', expectedResponseBy: null }),
    });
    expect(page).toContain('<html lang="ar" dir="rtl"');
    expect(page).toContain('بانتظار ردك');
    expect(page).not.toContain('موعد الرد المتوقع');
    expect(page).toContain('href="/w/acme/status?t=tok.en&amp;lang=en"');
  });

  it('offers a form to add a message and files, and confirms a sent one', () => {
    const page = render({ isSent: true });
    expect(page).toContain('<p class="notice" role="status">Your message has been sent.</p>');
    expect(page).toContain(
      '<form method="post" enctype="multipart/form-data" accept-charset="utf-8" action="/w/acme/status/messages?t=tok.en&amp;lang=en"',
    );
    expect(page).toMatch(/<input type="hidden" name="clientMessageId" value="[0-9a-f-]{36}">/);
    expect(page).toMatch(/<input type="file" name="attachments" multiple/);
  });

  it('keeps an unsent message, escaped, with its problem beside it', () => {
    const error = new AppError(
      'validation_failed',
      { en: 'x', ar: 'x' },
      { fields: [{ path: 'body', message: { en: 'Too long', ar: 'طويلة' } }] },
    );
    const page = render({ error, values: { body: '</textarea><script>x()</script>' } });
    expect(page).toContain('&lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt;</textarea>');
    expect(page).toContain('<a href="#f-body">Too long</a>');
    expect(page).toMatch(/<textarea name="body"[^>]*aria-invalid="true" aria-describedby="f-body-error"/);
  });

  it('never links an attachment to a script address', () => {
    const view = caseViewOf();
    const [first] = view.updates;
    if (!first) throw new Error('the factory gives updates');
    first.attachments = [{ ...first.attachments[0]!, url: 'javascript:alert(1)' }];
    expect(render({ view })).not.toContain('javascript:');
  });
});

describe('renderNotFound', () => {
  it('speaks both languages, the reader’s first', () => {
    const page = renderNotFound({ language: 'en', nonce: NONCE });
    expect(page).toContain('<html lang="en" dir="ltr"');
    expect(page.indexOf('Page not found')).toBeLessThan(page.indexOf('الصفحة غير موجودة'));
    expect(page).toContain('<section lang="ar" dir="rtl"><h2>الصفحة غير موجودة</h2>');
  });
});
