import { describe, expect, it } from 'vitest';
import { anonymiseText } from './anonymise.ts';

describe('anonymiseText', () => {
  it('takes an English name, e-mail, phone and references out', () => {
    const text =
      'Huda Salem (huda.salem@example.com, +966 50 123 4567) wrote about order #A-10023 on case TST-2026-000042. Huda was happy.';

    expect(
      anonymiseText(text, {
        names: ['Huda Salem'],
        emails: ['huda.salem@example.com'],
        phones: ['+966501234567'],
        references: ['TST-2026-000042'],
      }),
    ).toBe(
      'the customer ([e-mail], [phone]) wrote about order [reference] on case [reference]. the customer was happy.',
    );
  });

  it('takes an Arabic name and a phone in Arabic-Indic digits out, writing Arabic placeholders', () => {
    const text = 'شكرًا، أنا هدى الشمري ورقمي ٠٥٠١٢٣٤٥٦٧، وصلتني الطلبية ORD-7781 كاملة. هدى سعيدة.';

    const anonymous = anonymiseText(text, {
      names: ['هدى الشمري'],
      phones: ['0501234567'],
      references: ['ORD-7781'],
    });

    expect(anonymous).toBe(
      'شكرًا، أنا العميل ورقمي [رقم الهاتف]، وصلتني الطلبية [رقم مرجعي] كاملة. العميل سعيدة.',
    );
    expect(anonymous).not.toMatch(/هدى|٠٥٠/);
  });

  it('finds e-mails and long phone numbers nobody listed, but keeps dates, amounts and other words', () => {
    const text =
      'Call 050-987-6543 or write to help@shop.example. Delivered 2026-11-20, refund of 150 SAR. Hudaibiya branch.';

    expect(anonymiseText(text, { names: ['Huda'] })).toBe(
      'Call [phone] or write to [e-mail]. Delivered 2026-11-20, refund of 150 SAR. Hudaibiya branch.',
    );
  });

  it('writes in the language asked for, whatever the text', () => {
    expect(anonymiseText('Huda says thanks', { names: ['Huda'] }, 'ar')).toBe('العميل says thanks');
  });
});
