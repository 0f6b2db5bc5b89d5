// Small builders for the pages' tests (imported by *.test.ts only).
import type { PublicCaseView } from '@sada/contracts';
import type { FormPageConfig } from './page-context.ts';

/** A form configuration with every standard field optional; override what a test is about. */
export function formConfigOf(overrides: Partial<FormPageConfig> = {}): FormPageConfig {
  return {
    workspace: { slug: 'acme', name: 'أكمي Acme', defaultLanguage: 'ar' },
    title: { ar: 'قدّم شكواك', en: 'Tell us what went wrong' },
    intro: { ar: 'نرد خلال يوم عمل.', en: 'We answer within a working day.' },
    fields: {
      name: 'optional',
      email: 'optional',
      phone: 'optional',
      orderReference: 'optional',
      product: 'optional',
      category: 'optional',
      region: 'hidden',
      attachments: 'optional',
    },
    products: [],
    categories: [{ id: 'delivery', ar: 'التوصيل', en: 'Delivery' }],
    customFields: [],
    captcha: null,
    attachments: { types: ['image/png', 'application/pdf'], maxBytes: 10 * 1024 * 1024, maxCount: 5 },
    expectedResponseHours: 24,
    embedOrigins: [],
    ...overrides,
  };
}

/** A case as its customer sees it, with a reply from the team and a status change. */
export function caseViewOf(overrides: Partial<PublicCaseView> = {}): PublicCaseView {
  return {
    reference: 'ACM-2026-000042',
    subject: 'الطلب ما وصل',
    status: 'open',
    createdAt: new Date('2026-03-01T09:00:00Z'),
    expectedResponseBy: new Date('2026-03-02T09:00:00Z'),
    updates: [
      {
        id: 'u2',
        at: new Date('2026-03-01T11:00:00Z'),
        kind: 'message',
        from: 'team',
        body: 'نعتذر عن التأخير، الشحنة في الطريق.',
        status: null,
        attachments: [
          {
            id: '00000000-0000-4000-8000-000000000001',
            name: 'waybill.pdf',
            contentType: 'application/pdf',
            size: 2048,
            url: '/api/public/acme/attachments/1?t=x',
          },
        ],
      },
      {
        id: 'u1',
        at: new Date('2026-03-01T10:00:00Z'),
        kind: 'status',
        from: 'team',
        body: null,
        status: 'open',
        attachments: [],
      },
    ],
    ...overrides,
  };
}
