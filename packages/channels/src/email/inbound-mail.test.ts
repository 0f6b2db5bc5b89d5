import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { automaticReason } from './automatic-mail.ts';
import { parseInboundMail } from './inbound-mail.ts';
import { MailFormatError } from './mail-errors.ts';

// Fixtures are written as mail clients send them; lines end in CRLF on the wire.
function rawMail(text: string): Buffer {
  return Buffer.from(text.replace(/^\n/, '').replace(/\r?\n/g, '\r\n'), 'utf8');
}

const pngBase64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const pdfText = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

describe('parseInboundMail', () => {
  it('decodes an Arabic encoded-word subject and a windows-1256 body into Unicode', async () => {
    const mail = await parseInboundMail(
      rawMail(`
From: =?utf-8?b?2KPYrdmF2K8g2LnZhNmK?= <Ahmed@Example.COM>
To: Support <support@sada.example>
Cc: Team@Sada.Example
Delivered-To: complaints@sada.example
Subject: =?utf-8?b?2LTZg9mI2Ykg2KjYrti12YjYtSDYp9mE2LfZhNio?=
Date: Tue, 03 Mar 2026 10:00:00 +0300
Message-ID: <CAF1234@mail.example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=windows-1256
Content-Transfer-Encoding: quoted-printable

=C7=E1=D3=E1=C7=E3 =DA=E1=ED=DF=E3=A1 =E1=E3 =ED=D5=E1 =D8=E1=C8=ED =D1=DE=
=E3 4411 =CD=CA=EC =C7=E1=C2=E4.
=C3=D1=CC=E6 =C7=E1=E3=D3=C7=DA=CF=C9.
`),
    );
    expect(mail.subject).toBe('شكوى بخصوص الطلب');
    expect(mail.from).toEqual({ address: 'ahmed@example.com', name: 'أحمد علي' });
    expect(mail.text).toBe('السلام عليكم، لم يصل طلبي رقم 4411 حتى الآن.\nأرجو المساعدة.');
    expect(mail.recipients).toEqual(['support@sada.example', 'team@sada.example', 'complaints@sada.example']);
    expect(mail.messageId).toBe('<CAF1234@mail.example.com>');
    expect(mail.date?.toISOString()).toBe('2026-03-03T07:00:00.000Z');
    expect(mail.automatic).toBeNull();
    expect(mail.html).toBeNull();
    expect(mail.headers['message-id']).toBe('<CAF1234@mail.example.com>');
  });

  it('decodes an ISO-8859-6 Arabic body', async () => {
    const mail = await parseInboundMail(
      rawMail(`
From: customer@example.com
To: support@sada.example
Subject: =?iso-8859-6?b?4cfK6NHJIM7H18bJ?=
Content-Type: text/plain; charset="ISO-8859-6"
Content-Transfer-Encoding: base64

x+Thx8ro0ckg2urRINXN6s3J
`),
    );
    expect(mail.text).toBe('الفاتورة غير صحيحة');
    expect(mail.subject).toBe('فاتورة خاطئة');
  });

  it('decodes a windows-1256 encoded-word subject', async () => {
    const mail = await parseInboundMail(
      rawMail('From: a@example.com\nSubject: =?windows-1256?b?3cfK5tHJIM7H2MbJ?=\n\nbody\n'),
    );
    expect(mail.subject).toBe('فاتورة خاطئة');
  });

  it('folds the quoted history of an HTML-only reply', async () => {
    const mail = await parseInboundMail(
      rawMail(`
From: a@example.com
To: support@sada.example
Subject: Re: late
Content-Type: text/html; charset=utf-8

<div dir="rtl">ما زلت أنتظر &amp; لم يتصل أحد.<br>Still waiting.</div>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, 3 Mar 2026 at 10:00, Sada Support &lt;support@sada.example&gt; wrote:<br></div>
<blockquote class="gmail_quote" style="margin:0 0 0 .8ex">We are <b>sorry</b> for the delay.</blockquote></div>
`),
    );
    expect(mail.text).toBe('ما زلت أنتظر & لم يتصل أحد.\nStill waiting.');
    expect(mail.quoted).toContain('We are sorry for the delay.');
    expect(mail.html).toContain('<blockquote>');
  });

  it('keeps only the new words of a reply with Arabic and English history and a signature', async () => {
    const mail = await parseInboundMail(
      rawMail(`
From: Ahmed <ahmed@example.com>
To: support@sada.example
Subject: Re: [SAD-2026-000042] Late delivery
Message-ID: CAB999@mail.example.com
In-Reply-To: <sada.42.2@sada.example>
References: <sada.42.1@sada.example>
 <sada.42.2@sada.example>
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

شكراً، لكن الطلب ما زال متأخراً.
Still waiting for the courier.

--${' '}
Ahmed Ali
Customer since 2019

في الثلاثاء، ٣ مارس ٢٠٢٦ في ١٠:٠٠ ص، كتب فريق الدعم <support@sada.example>:
> نعتذر عن التأخير.
>
> On Mon, 2 Mar 2026 at 09:00, Ahmed <ahmed@example.com> wrote:
>> Where is my order?
`),
    );
    expect(mail.text).toBe('شكراً، لكن الطلب ما زال متأخراً.\nStill waiting for the courier.');
    expect(mail.quoted).toContain('Ahmed Ali');
    expect(mail.quoted).toContain('نعتذر عن التأخير.');
    expect(mail.quoted).toContain('Where is my order?');
    expect(mail.messageId).toBe('<CAB999@mail.example.com>');
    expect(mail.inReplyTo).toEqual(['<sada.42.2@sada.example>']);
    expect(mail.references).toEqual(['<sada.42.1@sada.example>', '<sada.42.2@sada.example>']);
  });

  it.each([
    [
      'a Gmail attribution wrapped over two lines',
      'Thanks, received.\n\nOn Tue, 3 Mar 2026 at 10:00, Sada Support <support@sada.example>\nwrote:\n> Your parcel left the depot.',
      'Thanks, received.',
    ],
    ['an Arabic "كتب" attribution', 'تم الاستلام.\n\nكتب فريق الدعم:\n> تم شحن الطلب.', 'تم الاستلام.'],
    [
      'an Outlook Original Message block without > marks',
      'Please call me.\n\n-----Original Message-----\nFrom: Sada Support\nSent: Tuesday, March 3, 2026 10:00 AM\nSubject: Your case\n\nWe are sorry.',
      'Please call me.',
    ],
    [
      'an Outlook From/Sent block',
      'No change yet.\n________________________________\nFrom: Sada Support <support@sada.example>\nSent: Tuesday, March 3, 2026 10:00 AM\nTo: Ahmed\n\nWe are sorry.',
      'No change yet.',
    ],
    [
      'an Arabic Outlook header block',
      'لم يتغير شيء.\n\nمن: فريق الدعم\nتاريخ الإرسال: الثلاثاء، ٣ مارس ٢٠٢٦\nإلى: أحمد\n\nنعتذر.',
      'لم يتغير شيء.',
    ],
    ['an iPhone footer', 'Refund please.\n\nSent from my iPhone', 'Refund please.'],
    ['an Arabic iPhone footer', 'أريد استرداد المبلغ.\n\nأُرسلت من iPhone', 'أريد استرداد المبلغ.'],
    [
      'answers written between quoted lines',
      'On Tue, 3 Mar 2026, Support <s@sada.example> wrote:\n> What is your order number?\n4411\n> And your city?\nRiyadh',
      '4411\nRiyadh',
    ],
    [
      'nothing of a formal Arabic letter that opens with من/إلى',
      'من: أحمد علي\nإلى: خدمة العملاء\nالموضوع: تأخر الطلب\n\nلم يصل طلبي.',
      'من: أحمد علي\nإلى: خدمة العملاء\nالموضوع: تأخر الطلب\n\nلم يصل طلبي.',
    ],
    [
      'nothing of a sentence that starts like a phone footer',
      'Sent from my iPhone the photos, but they never arrived at your office.',
      'Sent from my iPhone the photos, but they never arrived at your office.',
    ],
    [
      'a customer’s own "On Monday I wrote:" with no quote below',
      'On Monday I wrote: nothing came.',
      'On Monday I wrote: nothing came.',
    ],
  ])('folds %s', async (_name, body, expected) => {
    const mail = await parseInboundMail(
      rawMail(
        `From: a@example.com\nTo: s@sada.example\nSubject: x\nContent-Type: text/plain; charset=utf-8\n\n${body}\n`,
      ),
    );
    expect(mail.text).toBe(expected);
  });

  it('sanitises an HTML-only mail and derives its text from the HTML', async () => {
    const mail = await parseInboundMail(
      rawMail(`
From: a@example.com
To: support@sada.example
Subject: html only
Content-Type: text/html; charset=utf-8

<html dir="rtl" lang="ar"><head><style>body{display:none}</style></head><body>
<p onclick="steal()">الطرد <b>تالف</b>، <a href="https://example.com/photo">الصورة</a></p>
<script>alert('x')</script><img src="https://tracker.example/pixel.gif">
<a href="javascript:alert(1)">click</a>
</body></html>
`),
    );
    expect(mail.text).toContain('الطرد تالف');
    expect(mail.text).not.toContain('alert');
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain('<b>تالف</b>');
    expect(mail.html).toContain('href="https://example.com/photo"');
    expect(mail.html).toContain('rel="noopener noreferrer nofollow"');
    for (const forbidden of [
      '<script',
      'onclick',
      '<style',
      'display:none',
      '<img',
      'javascript:',
      'tracker',
    ]) {
      expect(mail.html).not.toContain(forbidden);
    }
  });

  it('returns PDF and PNG attachments with their bytes, and tells inline images apart', async () => {
    const mail = await parseInboundMail(
      rawMail(`
From: a@example.com
To: support@sada.example
Subject: receipt
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/related; boundary="inner"

--inner
Content-Type: text/html; charset=utf-8

<p>See <img src="cid:logo@example.com"></p>
--inner
Content-Type: image/png
Content-ID: <logo@example.com>
Content-Disposition: inline; filename="logo.png"
Content-Transfer-Encoding: base64

${pngBase64}
--inner--
--outer
Content-Type: application/pdf; name="=?utf-8?b?2YHYp9iq2YjYsdipLnBkZg==?="
Content-Disposition: attachment; filename*=utf-8''%D9%81%D8%A7%D8%AA%D9%88%D8%B1%D8%A9.pdf
Content-Transfer-Encoding: base64

${Buffer.from(pdfText).toString('base64')}
--outer--
`),
    );
    expect(mail.attachments).toHaveLength(2);
    const [logo, receipt] = mail.attachments;
    expect(logo).toMatchObject({ name: 'logo.png', contentType: 'image/png', isInline: true });
    expect(logo?.contentId).toBe('<logo@example.com>');
    expect(logo?.content.equals(Buffer.from(pngBase64, 'base64'))).toBe(true);
    expect(receipt).toMatchObject({ name: 'فاتورة.pdf', contentType: 'application/pdf', isInline: false });
    expect(receipt?.content.toString()).toBe(pdfText);
    expect(receipt?.size).toBe(Buffer.byteLength(pdfText));
    expect(mail.html).not.toContain('<img');
  });

  it('recognises a delivery-status bounce', async () => {
    const mail = await parseInboundMail(
      rawMail(`
From: Mail Delivery System <MAILER-DAEMON@mx.example.com>
To: support@sada.example
Subject: Undelivered Mail Returned to Sender
Auto-Submitted: auto-replied
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain

The mail could not be delivered to nobody@example.com.
--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.com
Final-Recipient: rfc822; nobody@example.com
Action: failed
Status: 5.1.1
--b1--
`),
    );
    expect(mail.automatic).toBe('bounce');
  });

  it('recognises an out-of-office reply and a mailing-list mail', async () => {
    const outOfOffice = await parseInboundMail(
      rawMail(`
From: Ahmed <ahmed@example.com>
To: support@sada.example
Subject: =?utf-8?b?2K7Yp9ix2Kwg2KfZhNmF2YPYqtio?=
Auto-Submitted: auto-replied

I am away until Sunday.
`),
    );
    expect(outOfOffice.automatic).toBe('auto_reply');
    const newsletter = await parseInboundMail(
      rawMail(`
From: News <news@shop.example>
To: support@sada.example
Subject: Offers
List-Id: Shop news <news.shop.example>
List-Unsubscribe: <mailto:unsubscribe@shop.example>

Big sale.
`),
    );
    expect(newsletter.automatic).toBe('mailing_list');
  });

  it('treats an empty envelope sender as a bounce', async () => {
    const mail = await parseInboundMail(rawMail('From: a@example.com\nSubject: x\n\nbody\n'), {
      envelopeFrom: null,
    });
    expect(mail.automatic).toBe('bounce');
  });

  it('parses what it can of broken MIME', async () => {
    const mail = await parseInboundMail(
      rawMail(`
From: a@example.com
To: support@sada.example
Subject: broken
Content-Type: multipart/mixed; boundary="never-closed"

--never-closed
Content-Type: text/plain; charset=no-such-charset
Content-Transfer-Encoding: base64

VGhlIHBhcmNlbCBpcyBicm9rZW4=!!!not base64
--never-closed
Content-Type: application/pdf
Content-Transfer-Encoding: base64

%%%
`),
    );
    expect(mail.subject).toBe('broken');
    expect(mail.text).toContain('The parcel is broken');
  });

  it('reads a mail from a stream', async () => {
    const mail = await parseInboundMail(
      Readable.from([rawMail('From: a@example.com\nSubject: streamed\n\nhi\n')]),
    );
    expect(mail.subject).toBe('streamed');
    expect(mail.text).toBe('hi');
  });

  it('refuses input that is not a mail with a MailFormatError', async () => {
    await expect(parseInboundMail(Buffer.alloc(0))).rejects.toThrow(MailFormatError);
    await expect(parseInboundMail(Buffer.alloc(0))).rejects.toThrow(/no headers/);
  });
});

describe('automaticReason', () => {
  it.each([
    [{ 'Auto-Submitted': 'auto-generated' }, 'auto_reply'],
    [{ 'auto-submitted': 'no' }, null],
    [{ 'X-Autoreply': 'yes' }, 'auto_reply'],
    [{ 'X-Autorespond': 'Away' }, 'auto_reply'],
    [{ 'X-Auto-Response-Suppress': 'All' }, 'auto_reply'],
    [{ 'X-Auto-Response-Suppress': 'OOF' }, null],
    [{ Precedence: 'auto_reply' }, 'auto_reply'],
    [{ Precedence: 'bulk' }, 'mailing_list'],
    [{ Precedence: 'junk' }, 'mailing_list'],
    [{ Precedence: 'list' }, 'mailing_list'],
    [{ 'List-Id': '<news.example.com>' }, 'mailing_list'],
    [{ 'List-Unsubscribe': '<mailto:u@example.com>' }, 'mailing_list'],
    [{ 'Return-Path': '<>' }, 'bounce'],
    [{ From: 'MAILER-DAEMON@mx.example.com' }, 'bounce'],
    [{ From: 'Mail System <postmaster@example.com>' }, 'bounce'],
    [{ 'Content-Type': 'multipart/report; report-type="delivery-status"; boundary=x' }, 'bounce'],
    [{ 'Content-Type': 'multipart/report; report-type=disposition-notification' }, null],
    [{ From: 'Ahmed <ahmed@example.com>', Subject: 'hi' }, null],
  ])('classifies %o as %s', (headers, expected) => {
    expect(automaticReason(headers)).toBe(expected);
  });
});
