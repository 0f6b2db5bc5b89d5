import { type DovecotServer, type SmtpSink, startDovecot, startSmtpSink } from '@sada/channels/testing';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestWorkspace,
  startTestServer,
  TEST_MAIL_DOMAIN,
  type TestServer,
  waitFor,
} from './harness.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('e-mail over real SMTP and IMAP', () => {
  let sink: SmtpSink;
  let server: TestServer;

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer({
      jobs: true,
      smtp: true,
      smtpRelay: `smtp://127.0.0.1:${sink.port}`,
      isolated: true,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.close();
  });

  const customerMailer = () =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port: server.smtp!.port,
      secure: false,
      ignoreTLS: true,
    });

  // On a shared PostgreSQL database this server's delivery worker also sends other tests' mail:
  // each test looks only at the mail to its own customer.
  const mailsTo = (address: string) => sink.messages.filter((sent) => sent.envelope.to.includes(address));
  const waitForMails = (address: string, count: number) =>
    waitFor(() => (mailsTo(address).length >= count ? mailsTo(address) : undefined), 15_000);

  /** The workspace's only case once its first message is stored (the case opens a moment before). */
  async function firstCase(workspace: Awaited<ReturnType<typeof createTestWorkspace>>, timeoutMs = 15_000) {
    return waitFor(async () => {
      const [summary] = await casesOf(workspace);
      if (!summary) return undefined;
      const detail = (await workspace.admin.get(`/api/cases/${summary.referenceNumber}`)).body;
      return detail.messages.length > 0 ? detail : undefined;
    }, timeoutMs);
  }

  async function casesOf(workspace: Awaited<ReturnType<typeof createTestWorkspace>>) {
    return (await workspace.admin.get('/api/cases?limit=50')).body.items as { referenceNumber: string }[];
  }

  it('opens a case from a mail, acknowledges it threaded and right-to-left, and threads the replies', async () => {
    const workspace = await createTestWorkspace(server);
    const customer = `sara-${workspace.slug}@example.com`;
    const original = await customerMailer().sendMail({
      from: `سارة <${customer}>`,
      to: `${workspace.slug}@${TEST_MAIL_DOMAIN}`,
      subject: 'الفاتورة مكررة',
      text: 'خُصم المبلغ مرتين من بطاقتي، أرجو الاسترداد.\n\n-- \nسارة',
      attachments: [{ filename: 'كشف.pdf', content: PDF, contentType: 'application/pdf' }],
    });
    const detail = await firstCase(workspace);
    const reference = detail.referenceNumber as string;
    expect(detail).toMatchObject({ channel: 'email', subject: 'الفاتورة مكررة', customerName: 'سارة' });
    expect(detail.messages[0].body).toBe('خُصم المبلغ مرتين من بطاقتي، أرجو الاسترداد.');
    expect(detail.messages[0].attachments[0]).toMatchObject({
      name: 'كشف.pdf',
      contentType: 'application/pdf',
    });

    // The acknowledgement: to the customer, in Arabic, threaded under their mail, marked automatic.
    const [ack] = await waitForMails(customer, 1);
    expect(ack!.envelope.to).toEqual([customer]);
    expect(ack!.mail.subject).toContain(`[${reference}]`);
    expect(ack!.mail.inReplyTo).toEqual([original.messageId]);
    expect(ack!.mail.headers['auto-submitted']).toBe('auto-replied');
    expect(ack!.mail.html).toContain('dir="rtl"');
    expect(ack!.mail.text).toContain(reference);
    // Recorded as sent once the relay took it.
    await waitFor(async () => {
      const messages = (await workspace.admin.get(`/api/cases/${reference}`)).body.messages;
      return messages[1].delivery.status === 'sent' ? true : undefined;
    });

    // The customer answers the acknowledgement: the same case.
    await customerMailer().sendMail({
      from: customer,
      to: `${workspace.slug}@${TEST_MAIL_DOMAIN}`,
      subject: `Re: ${ack!.mail.subject}`,
      inReplyTo: ack!.mail.messageId!,
      references: [original.messageId, ack!.mail.messageId!],
      text: 'رقم العملية 99812\n\nفي الأحد، كتب فريق الدعم:\n> استلمنا رسالتك',
    });
    await waitFor(async () => {
      const messages = (await workspace.admin.get(`/api/cases/${reference}`)).body.messages;
      return messages.length === 3 ? messages : undefined;
    });
    expect(await casesOf(workspace)).toHaveLength(1);

    // An agent replies: the mail carries the whole thread in References.
    const reply = await workspace.admin.post(`/api/cases/${reference}/messages`, {
      type: 'reply',
      body: 'أعدنا المبلغ المكرر، ويظهر في حسابك خلال ثلاثة أيام.',
    });
    expect(reply.status).toBe(201);
    const answer = (await waitForMails(customer, 2))[1]!;
    expect(answer.mail.subject).toBe(`Re: [${reference}] الفاتورة مكررة`);
    expect(answer.mail.references).toEqual(expect.arrayContaining([original.messageId, ack!.mail.messageId]));
    expect(answer.mail.headers['auto-submitted']).toBeUndefined();
    expect(answer.mail.text).toContain('أعدنا المبلغ المكرر');
    // With the signed link to the status page, which opens the case.
    const link = /http:\/\/care\.sada\.test(\/w\/[^\s]+)/.exec(answer.mail.text ?? '')![1]!;
    const statusView = await fetch(
      `${server.baseUrl}/api/public/${workspace.slug}/status?t=${new URL(link, 'http://x').searchParams.get('t')}`,
    );
    expect(((await statusView.json()) as { reference: string }).reference).toBe(reference);
  });

  it('stores a mail delivered twice once, answers no auto-reply, and refuses unknown addresses', async () => {
    const workspace = await createTestWorkspace(server);
    const customer = `lee-${workspace.slug}@example.com`;
    const mail = {
      from: customer,
      to: `${workspace.slug}@${TEST_MAIL_DOMAIN}`,
      subject: 'Broken kettle',
      text: 'The kettle leaks.',
      messageId: `<kettle-${workspace.slug}@example.com>`,
    };
    await customerMailer().sendMail(mail);
    await customerMailer().sendMail(mail);
    await customerMailer().sendMail({
      from: customer,
      to: `${workspace.slug}@${TEST_MAIL_DOMAIN}`,
      subject: 'Out of office',
      text: 'I am away until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    const cases = await waitFor(async () => {
      const items = await casesOf(workspace);
      return items.length === 2 ? items : undefined;
    });
    const kettle = (await workspace.admin.get(`/api/cases/${cases.at(-1)!.referenceNumber}`)).body;
    expect(
      kettle.messages.filter((message: { direction: string }) => message.direction === 'inbound'),
    ).toHaveLength(1);
    const away = (await workspace.admin.get(`/api/cases/${cases[0]!.referenceNumber}`)).body;
    expect(away.subject).toBe('Out of office');
    expect(away.messages).toHaveLength(1);
    await server.delivery!.drain();
    // Only the kettle's acknowledgement went out, never one to the auto-reply.
    expect(mailsTo(customer).map((sent) => sent.mail.subject)).toEqual([
      expect.stringMatching(/^Re: \[TST-\d{4}-\d{6}\] Broken kettle$/),
    ]);

    await expect(
      customerMailer().sendMail({
        from: 'x@example.com',
        to: 'nobody-here@elsewhere.example',
        subject: 'x',
        text: 'x',
      }),
    ).rejects.toThrow(/550/);
  });

  it('shows a failed delivery on the message, and sends it again when asked', async () => {
    const workspace = await createTestWorkspace(server);
    await customerMailer().sendMail({
      from: 'mona@example.com',
      to: `${workspace.slug}@${TEST_MAIL_DOMAIN}`,
      subject: 'Wrong size',
      text: 'The shoes are too small.',
    });
    const reference = (await firstCase(workspace)).referenceNumber as string;
    await server.delivery!.drain();
    sink.failNext(550, 'mailbox unavailable');
    const reply = await workspace.admin.post(`/api/cases/${reference}/messages`, {
      type: 'reply',
      body: 'Please send them back.',
    });
    const failed = await waitFor(async () => {
      const message = (await workspace.admin.get(`/api/cases/${reference}`)).body.messages.find(
        (item: { id: string }) => item.id === reply.body.id,
      );
      return message.delivery.status === 'failed' ? message : undefined;
    });
    expect(failed.delivery.lastError.en).toContain('mailbox unavailable');
    expect(failed.delivery.lastError.ar).toContain('mailbox unavailable');
    expect(failed.delivery.lastError.ar).toMatch(/^رفض خادم البريد الصادر/);
    const retried = await workspace.admin.post(`/api/cases/${reference}/messages/${reply.body.id}/redeliver`);
    expect(retried.status).toBe(200);
    expect(retried.body.delivery.status).toBe('pending');
    await waitFor(async () => {
      const message = (await workspace.admin.get(`/api/cases/${reference}`)).body.messages.find(
        (item: { id: string }) => item.id === reply.body.id,
      );
      return message.delivery.status === 'sent' ? message : undefined;
    });
    expect(
      (await workspace.admin.post(`/api/cases/${reference}/messages/${reply.body.id}/redeliver`)).status,
    ).toBe(409);
  });

  describe('an IMAP mailbox (Dovecot)', () => {
    let dovecot: DovecotServer;
    beforeAll(async () => {
      dovecot = await startDovecot();
    });
    afterAll(async () => {
      await dovecot?.stop();
    });

    it('delivers new mail from the mailbox into cases, and reports a wrong password on the mailbox', async () => {
      const workspace = await createTestWorkspace(server);
      const added = await workspace.admin.post('/api/channels/mailboxes', {
        host: dovecot.host,
        port: dovecot.port,
        isSecure: false,
        username: dovecot.username,
        password: dovecot.password,
      });
      expect(added.status).toBe(201);
      expect(added.body.password).toBeUndefined();
      await dovecot.append(
        [
          'From: Khalid <khalid@example.com>',
          `To: support@${workspace.slug}.example`,
          'Subject: =?UTF-8?B?2KfZhNi32YTYqCDZhNmFINmK2LXZhA==?=',
          `Message-ID: <imap-${workspace.slug}@example.com>`,
          'Content-Type: text/plain; charset=UTF-8',
          '',
          'طلبت قبل أسبوعين ولم يصل شيء.',
          '',
        ].join('\r\n'),
      );
      // The watcher looks for new mailboxes every 30 s; look now.
      await server.mailboxes!.refresh();
      const detail = await firstCase(workspace, 45_000);
      expect(detail).toMatchObject({ channel: 'email', subject: 'الطلب لم يصل' });
      expect(detail.messages[0].body).toBe('طلبت قبل أسبوعين ولم يصل شيء.');

      const wrong = await workspace.admin.post('/api/channels/mailboxes', {
        host: dovecot.host,
        port: dovecot.port,
        isSecure: false,
        username: dovecot.username,
        password: 'not-the-password',
      });
      await server.mailboxes!.refresh();
      const failing = await waitFor(async () => {
        const items = (await workspace.admin.get('/api/channels/mailboxes')).body.items as {
          id: string;
          lastError: { code: string; en: string; ar: string } | null;
        }[];
        return items.find((item) => item.id === wrong.body.id && item.lastError);
      }, 45_000);
      expect(failing.lastError).toMatchObject({
        code: 'auth',
        en: expect.stringMatching(/sign-in|password|authentication/i),
        ar: expect.stringContaining('فشل تسجيل الدخول إلى IMAP'),
      });
      const log = await workspace.admin.get(`/api/channels/mailboxes/${wrong.body.id}/errors`);
      expect(log.status).toBe(200);
      expect(log.body.items[0]).toMatchObject({
        source: 'mailbox',
        error: { code: 'auth', ar: expect.stringContaining('فشل تسجيل الدخول إلى IMAP') },
      });
    }, 120_000);
  });
});
