import { AppError } from '@sada/core';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import type { PublicChannelsApi, UploadedFile } from './page-context.ts';
import { publicPageRoutes } from './public-page.routes.ts';
import { caseViewOf, formConfigOf } from './test-factories.ts';

const GOOD_TOKEN = 'good.token';

/** The service as the pages see it: workspace "acme" only, one case, messages kept in memory. */
function fakeApi(overrides: Partial<PublicChannelsApi> = {}) {
  const messages: { body: string; files: UploadedFile[]; clientMessageId?: string | undefined }[] = [];
  const notFound = () => new AppError('not_found', { en: 'No such complaint.', ar: 'لا توجد شكوى.' });
  const api: PublicChannelsApi = {
    async formConfig(slug) {
      if (slug !== 'acme') throw new AppError('not_found', { en: 'No form.', ar: 'لا نموذج.' });
      return formConfigOf({ embedOrigins: ['https://shop.example.com'] });
    },
    async submitComplaint() {
      throw new Error('not used by the pages');
    },
    async lookupStatus({ reference, contact }) {
      if (contact === 'flood@example.com')
        throw new AppError('rate_limited', { en: 'Slow down.', ar: 'تمهّل.' });
      if (reference !== 'ACM-2026-000042' || contact !== 'sara@example.com') throw notFound();
      return { token: GOOD_TOKEN, statusUrl: `/w/acme/status?t=${GOOD_TOKEN}`, case: caseViewOf() };
    },
    async viewStatus({ token }) {
      if (token !== GOOD_TOKEN) throw new AppError('unauthorized', { en: 'Expired.', ar: 'منتهٍ.' });
      return caseViewOf();
    },
    async addStatusMessage({ token, body, files, clientMessageId }) {
      if (token !== GOOD_TOKEN) throw new AppError('unauthorized', { en: 'Expired.', ar: 'منتهٍ.' });
      messages.push({ body, files, clientMessageId });
    },
    async workspaceName(slug) {
      return slug === 'acme' ? { name: 'Acme', defaultLanguage: 'ar' } : null;
    },
    ...overrides,
  };
  return { api, messages };
}

async function appWith(api: PublicChannelsApi) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(publicPageRoutes, { api });
  return app;
}

async function multipart(
  fields: Record<string, string>,
  files: { name: string; type: string; bytes: Buffer }[],
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files)
    form.append('attachments', new Blob([file.bytes], { type: file.type }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}

const nonceOf = (body: string) => /<style nonce="([^"]+)">/.exec(body)?.[1];

describe('the complaint form page', () => {
  it('answers HTML with a per-response nonce in its policy and the security headers', async () => {
    const app = await appWith(fakeApi().api);
    const first = await app.inject({ url: '/w/acme/complaint' });
    const second = await app.inject({ url: '/w/acme/complaint' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    const nonce = nonceOf(first.body);
    expect(nonce).toBeTruthy();
    expect(nonce).not.toBe(nonceOf(second.body));
    const policy = String(first.headers['content-security-policy']);
    expect(policy).toContain(`style-src 'nonce-${nonce}'`);
    expect(policy).toContain(`script-src 'nonce-${nonce}'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(first.body).toContain(`<script nonce="${nonce}">`);
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['referrer-policy']).toBe('same-origin');
    await app.close();
  });

  it('speaks the workspace’s language by default, the browser’s when it asks, and ?lang above both', async () => {
    const app = await appWith(fakeApi().api);
    expect((await app.inject({ url: '/w/acme/complaint' })).body).toContain('<html lang="ar" dir="rtl"');
    const english = await app.inject({
      url: '/w/acme/complaint',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(english.body).toContain('<html lang="en" dir="ltr"');
    const chosen = await app.inject({
      url: '/w/acme/complaint?lang=ar&utm_source=x',
      headers: { 'accept-language': 'en' },
    });
    expect(chosen.body).toContain('<html lang="ar" dir="rtl"');
    await app.close();
  });

  it('may be framed by the workspace’s sites when embedded, by any when it lists none', async () => {
    const app = await appWith(fakeApi().api);
    const embedded = await app.inject({ url: '/w/acme/complaint?embed=1' });
    expect(embedded.headers['content-security-policy']).toMatch(
      /frame-ancestors https:\/\/shop\.example\.com$/,
    );
    expect(embedded.body).toContain('class="embed"');
    await app.close();
    const open = await appWith(fakeApi({ formConfig: async () => formConfigOf({ embedOrigins: [] }) }).api);
    expect(
      (await open.inject({ url: '/w/acme/complaint?embed=1' })).headers['content-security-policy'],
    ).toMatch(/frame-ancestors \*$/);
    await open.close();
  });

  it('answers an unknown workspace with a 404 page in both languages', async () => {
    const app = await appWith(fakeApi().api);
    const response = await app.inject({ url: '/w/nobody/complaint' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('الصفحة غير موجودة');
    expect(response.body).toContain('Page not found');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    await app.close();
  });

  it('answers a failure of ours with a page, not JSON', async () => {
    const app = await appWith(
      fakeApi({
        formConfig: async () => {
          throw new Error('database down');
        },
      }).api,
    );
    const response = await app.inject({ url: '/w/acme/complaint' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('حدث خطأ');
    expect(response.body).not.toContain('database down');
    await app.close();
  });
});

describe('embed.js', () => {
  it('is a script any site may load, cached for five minutes', async () => {
    const app = await appWith(fakeApi().api);
    const response = await app.inject({ url: '/embed.js' });
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.body).toContain("type !== 'sada:height'");
    expect(response.body).toContain('event.origin !== origin');
    expect(() => new Function(response.body)).not.toThrow();
    await app.close();
  });
});

describe('the status pages', () => {
  const lookup = (app: Awaited<ReturnType<typeof appWith>>, body: Record<string, string>, query = '') =>
    app.inject({
      method: 'POST',
      url: `/w/acme/status${query}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(body).toString(),
    });

  it('sends a matching lookup to the signed status link, in the page’s language', async () => {
    const app = await appWith(fakeApi().api);
    const response = await lookup(
      app,
      { reference: 'ACM-2026-000042', contact: 'sara@example.com' },
      '?lang=en',
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/w/acme/status?t=${GOOD_TOKEN}&lang=en`);
    await app.close();
  });

  it('gives one neutral answer to a wrong lookup, and the rate-limit message when there are too many', async () => {
    const app = await appWith(fakeApi().api);
    const wrong = await lookup(
      app,
      { reference: 'ACM-2026-000042', contact: 'other@example.com' },
      '?lang=en',
    );
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('We could not find a complaint with these details.');
    expect(wrong.body).not.toContain('No such complaint');
    const flood = await lookup(
      app,
      { reference: 'ACM-2026-000042', contact: 'flood@example.com' },
      '?lang=en',
    );
    expect(flood.statusCode).toBe(429);
    expect(flood.body).toContain('Too many attempts');
    const huge = await lookup(app, { reference: 'x'.repeat(20_000), contact: 'a' }, '?lang=en');
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('This request could not be read');
    const empty = await lookup(app, { reference: ' ', contact: '' }, '?lang=en');
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('<a href="#f-reference">Fill in this field.</a>');
    await app.close();
  });

  it('shows the case for a good link, privately, and the lookup with a notice for an expired one', async () => {
    const app = await appWith(fakeApi().api);
    const good = await app.inject({ url: `/w/acme/status?t=${GOOD_TOKEN}&sent=1` });
    expect(good.statusCode).toBe(200);
    expect(good.headers['cache-control']).toBe('no-store');
    expect(good.body).toContain('ACM-2026-000042');
    expect(good.body).toContain('أُرسلت رسالتك.');
    const expired = await app.inject({ url: '/w/acme/status?t=old.token' });
    expect(expired.body).toContain('انتهت صلاحية هذا الرابط');
    expect(expired.body).toContain('name="reference"');
    const unknown = await app.inject({ url: '/w/nobody/status' });
    expect(unknown.statusCode).toBe(404);
    await app.close();
  });

  it('stores a message with its files and comes back to the status page with a notice', async () => {
    const { api, messages } = fakeApi();
    const app = await appWith(api);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const response = await app.inject({
      method: 'POST',
      url: `/w/acme/status/messages?t=${GOOD_TOKEN}&lang=en`,
      ...(await multipart({ body: ' Any news? ', clientMessageId: 'c1b2a3d4-0000-4000-8000-000000000001' }, [
        { name: 'photo.png', type: 'image/png', bytes: png },
      ])),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/w/acme/status?t=${GOOD_TOKEN}&lang=en&sent=1`);
    expect(messages).toEqual([
      {
        body: 'Any news?',
        clientMessageId: 'c1b2a3d4-0000-4000-8000-000000000001',
        files: [{ filename: 'photo.png', declaredType: 'image/png', content: png }],
      },
    ]);
    await app.close();
  });

  it('refuses a file over the limit with a clear message beside the file input, keeping the text', async () => {
    const { api, messages } = fakeApi();
    const app = await appWith(api);
    const response = await app.inject({
      method: 'POST',
      url: `/w/acme/status/messages?t=${GOOD_TOKEN}&lang=en`,
      ...(await multipart({ body: 'Here is the video' }, [
        { name: 'video.png', type: 'image/png', bytes: Buffer.alloc(10 * 1024 * 1024 + 1) },
      ])),
    });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('<a href="#f-attachments">Each file may be at most 10 MB.</a>');
    expect(response.body).toContain('>Here is the video</textarea>');
    expect(messages).toEqual([]);
    await app.close();
  });

  it('asks for words or a file when the message is empty, and for a new lookup when the link has expired', async () => {
    const app = await appWith(fakeApi().api);
    const empty = await app.inject({
      method: 'POST',
      url: `/w/acme/status/messages?t=${GOOD_TOKEN}`,
      ...(await multipart({ body: '   ' }, [])),
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('اكتب رسالة أو أرفق ملفًا.');
    const expired = await app.inject({
      method: 'POST',
      url: '/w/acme/status/messages?t=old.token',
      ...(await multipart({ body: 'hello' }, [])),
    });
    expect(expired.body).toContain('انتهت صلاحية هذا الرابط');
    await app.close();
  });
});
