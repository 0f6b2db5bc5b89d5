import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';
import { DeliveryError, InvalidMailError } from './mail-errors.ts';
import { createMailSender, type MailSender } from './mail-sender.ts';
import { composeMail, type OutboundMailInput, subjectWithReference } from './outbound-mail.ts';

function reply(overrides: Partial<OutboundMailInput> = {}): OutboundMailInput {
  return {
    from: { address: 'support@sada.test', name: 'دعم صدى' },
    to: { address: 'ahmed@example.com', name: 'أحمد علي' },
    subject: 'Re: تأخر الطلب',
    reference: 'SAD-2026-000042',
    text: 'مرحباً أحمد،\nنعتذر عن التأخير.\n\nسيصلك الطلب غداً <إن شاء الله> & شكراً.',
    language: 'ar',
    messageId: 'sada.42.3@sada.test',
    inReplyTo: '<CAB999@mail.example.com>',
    references: ['<sada.42.1@sada.test>', '<CAB999@mail.example.com>'],
    ...overrides,
  };
}

let sink: SmtpSink;
let sender: MailSender;
beforeAll(async () => {
  sink = await startSmtpSink();
  sender = createMailSender(`smtp://robot:p%40ss@127.0.0.1:${sink.port}`);
});
afterAll(async () => {
  sender.close();
  await sink.close();
});

async function sendAndReceive(input: OutboundMailInput) {
  const before = sink.messages.length;
  const result = await sender.send(composeMail(input));
  await sink.waitFor(before + 1);
  return { result, received: sink.messages[before]! };
}

describe('composeMail and createMailSender', () => {
  it('sends an Arabic reply that threads, carries its reference once and reads right to left', async () => {
    const { result, received } = await sendAndReceive(reply());
    expect(result.messageId).toBe('<sada.42.3@sada.test>');
    expect(result.response).toMatch(/^250/);
    const { mail } = received;
    expect(received.envelope).toEqual({ from: 'support@sada.test', to: ['ahmed@example.com'] });
    expect(mail.messageId).toBe('<sada.42.3@sada.test>');
    expect(mail.inReplyTo).toEqual(['<CAB999@mail.example.com>']);
    expect(mail.references).toEqual(['<sada.42.1@sada.test>', '<CAB999@mail.example.com>']);
    expect(mail.subject).toBe('Re: [SAD-2026-000042] تأخر الطلب');
    expect(mail.from).toEqual({ address: 'support@sada.test', name: 'دعم صدى' });
    expect(mail.text).toBe('مرحباً أحمد،\nنعتذر عن التأخير.\n\nسيصلك الطلب غداً <إن شاء الله> & شكراً.');
    expect(mail.automatic).toBeNull();
    const composed = composeMail(reply());
    expect(composed.html).toContain('<html dir="rtl" lang="ar">');
    expect(composed.html).toContain('<body dir="rtl">');
    expect(mail.html).toContain('<div dir="rtl" lang="ar">');
    expect(mail.html).toContain('&lt;إن شاء الله&gt; &amp; شكراً');
    expect(mail.html).toContain('مرحباً أحمد،<br />');
  });

  it('marks an automatic acknowledgement so auto-responders stay quiet', async () => {
    const { received } = await sendAndReceive(
      reply({ isAutomatic: true, language: 'en', subject: 'We received your complaint', text: 'Thank you.' }),
    );
    expect(received.raw.toString()).toMatch(/^Auto-Submitted: auto-replied\r$/m);
    expect(received.raw.toString()).toMatch(/^X-Auto-Response-Suppress: All\r$/m);
    expect(received.mail.html).toContain('<div dir="ltr" lang="en">');
    expect(received.mail.automatic).toBe('auto_reply');
    expect(received.mail.subject).toBe('[SAD-2026-000042] We received your complaint');
  });

  it('sends attachments', async () => {
    const { received } = await sendAndReceive(
      reply({
        attachments: [
          { filename: 'receipt.pdf', content: Buffer.from('%PDF-1.4'), contentType: 'application/pdf' },
        ],
      }),
    );
    expect(received.mail.attachments[0]).toMatchObject({
      name: 'receipt.pdf',
      contentType: 'application/pdf',
    });
  });

  it('reports a 550 answer as a permanent DeliveryError', async () => {
    sink.failNext(550, '5.1.1 Mailbox does not exist');
    const failure = await sender.send(composeMail(reply())).catch((error) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure.isPermanent).toBe(true);
    expect(failure.code).toBe('rejected_recipient');
    expect(failure.responseCode).toBe(550);
    expect(failure.message).toContain('Mailbox does not exist');
    expect(failure.text.ar).toContain('5.1.1 Mailbox does not exist”');
    expect(failure.text.ar).toContain('العنوان غير موجود');
  });

  it('reports a 451 answer as a temporary DeliveryError', async () => {
    sink.failNext(451, '4.3.0 Try again later');
    const failure = await sender.send(composeMail(reply())).catch((error) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure.isPermanent).toBe(false);
    expect(failure.code).toBe('platform_error');
    expect(failure.responseCode).toBe(451);
    expect(failure.text.ar).toContain('ستُعاد المحاولة');
  });

  it('reports a refused policy (554) as a permanent invalid_request', async () => {
    sink.failNext(554, '5.7.1 Message rejected as spam');
    const failure = await sender.send(composeMail(reply())).catch((error) => error);
    expect(failure).toMatchObject({ isPermanent: true, code: 'invalid_request', responseCode: 554 });
  });

  it('reports a relay that does not answer as a temporary DeliveryError', async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const unreachable = createMailSender(`smtp://127.0.0.1:${closed.port}`);
    const failure = await unreachable.send(composeMail(reply())).catch((error) => error);
    unreachable.close();
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure.isPermanent).toBe(false);
    expect(failure.code).toBe('unreachable');
    expect(failure.message).toContain(`127.0.0.1:${closed.port}`);
    expect(failure.text.ar).toContain(`تعذّر تسليم الرسالة إلى خادم البريد الصادر 127.0.0.1:${closed.port}`);
  });

  it('folds line breaks in names and subject so no header can be injected', async () => {
    const { received } = await sendAndReceive(
      reply({
        subject: 'Hello\r\nBcc: victim@example.com',
        to: { address: 'ahmed@example.com', name: 'Ahmed\r\nBcc: victim@example.com' },
      }),
    );
    expect(received.envelope.to).toEqual(['ahmed@example.com']);
    expect(received.raw.toString()).not.toMatch(/^Bcc:/im);
    expect(received.mail.subject).toBe('[SAD-2026-000042] Hello Bcc: victim@example.com');
  });

  it('refuses an address or message id with a line break in it', () => {
    expect(() =>
      composeMail(reply({ to: { address: 'ahmed@example.com\r\nBcc: victim@example.com' } })),
    ).toThrow(InvalidMailError);
    expect(() => composeMail(reply({ inReplyTo: '<a@b>\r\nBcc: victim@example.com' }))).toThrow(
      InvalidMailError,
    );
    expect(() => composeMail(reply({ from: { address: 'not an address', name: 'x' } }))).toThrow(
      /not a valid/,
    );
  });

  it('keeps the first and the latest references of a long thread', () => {
    const references = Array.from({ length: 30 }, (_, index) => `<m${index}@example.com>`);
    const message = composeMail(reply({ references }));
    expect(message.references).toHaveLength(10);
    expect((message.references as string[])[0]).toBe('<m0@example.com>');
    expect((message.references as string[]).at(-1)).toBe('<m29@example.com>');
    expect((message.references as string[])[1]).toBe('<m21@example.com>');
  });
});

describe('subjectWithReference', () => {
  it.each([
    ['Late delivery', 'Late delivery'.replace(/^/, '[SAD-1] ')],
    ['Re: Late delivery', 'Re: [SAD-1] Late delivery'],
    ['Re: [SAD-1] Late delivery', 'Re: [SAD-1] Late delivery'],
    ['Re: [SAD-1] Late delivery [sad-1]', 'Re: [SAD-1] Late delivery'],
    ['رد: تأخر الطلب', 'رد: [SAD-1] تأخر الطلب'],
    ['', '[SAD-1]'],
  ])('turns %j into %j', (subject, expected) => {
    expect(subjectWithReference(subject, 'SAD-1')).toBe(expected);
  });

  it('leaves the subject alone without a reference', () => {
    expect(subjectWithReference('Hello', null)).toBe('Hello');
  });
});
