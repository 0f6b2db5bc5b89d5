import { publicComplaintRequest } from '@sada/contracts';
import { describe, expect, it } from 'vitest';
import { complaintFormInput } from './complaint-form-input.ts';

const customFields = [
  {
    key: 'warranty',
    labelAr: 'الضمان',
    labelEn: 'Warranty',
    type: 'boolean',
    isRequired: false,
    options: [],
  },
  { key: 'amount', labelAr: 'المبلغ', labelEn: 'Amount', type: 'number', isRequired: false, options: [] },
  {
    key: 'sizes',
    labelAr: 'المقاسات',
    labelEn: 'Sizes',
    type: 'multiselect',
    isRequired: false,
    options: ['S', 'M'],
  },
  { key: 'note', labelAr: 'ملاحظة', labelEn: 'Note', type: 'text', isRequired: false, options: [] },
];

describe('complaintFormInput', () => {
  it('turns the posted form into a request the API schema accepts', () => {
    const { input, isEmbed } = complaintFormInput(
      {
        name: 'سارة',
        email: '',
        phone: '  ',
        description: 'الطلب وصل ناقص',
        language: 'ar',
        website: '',
        submissionId: '3b1f4a52-7c1e-4c9a-9d1e-000000000001',
        'customFields.amount': '12.5',
        'customFields.sizes': ['S', 'M'],
        'customFields.note': '',
        'h-captcha-response': 'captcha-answer',
        embed: '1',
        unknown: 'ignored',
      },
      { customFields },
    );
    expect(input).toEqual({
      name: 'سارة',
      description: 'الطلب وصل ناقص',
      language: 'ar',
      submissionId: '3b1f4a52-7c1e-4c9a-9d1e-000000000001',
      captchaToken: 'captcha-answer',
      customFields: { warranty: false, amount: 12.5, sizes: ['S', 'M'] },
    });
    expect(isEmbed).toBe(true);
    expect(publicComplaintRequest.safeParse(input).success).toBe(true);
  });

  it('keeps a filled honeypot and a number that is not one, for the API to refuse', () => {
    const { input } = complaintFormInput(
      {
        description: 'x',
        website: 'http://spam',
        'customFields.amount': 'abc',
        'customFields.warranty': 'true',
      },
      { customFields },
    );
    expect(input).toMatchObject({ website: 'http://spam', customFields: { amount: 'abc', warranty: true } });
  });
});
