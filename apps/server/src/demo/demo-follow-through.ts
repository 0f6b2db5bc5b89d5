// What the demo shows after the first answer (issue 8): a resolution plan with a step the customer
// sees, a solution offer with options to choose from, and a refund above the agent's limit waiting
// on the approvals page.
import type { Actor } from '../auth/actor.ts';
import type { Services } from '../services.ts';

const DAY_MS = 86_400_000;

export async function seedFollowThrough(options: {
  services: Services;
  /** The demo admin, and an agent (whose refund above their limit waits for approval). */
  admin: Actor;
  agent: Actor;
  /** The reference of each demo case by its subject. */
  referenceOf: (subject: string) => string;
  now: Date;
}) {
  const { services, admin, agent, referenceOf, now } = options;
  const doubleCharge = referenceOf('تم خصم المبلغ مرتين من بطاقتي');
  const inDays = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  for (const step of [
    { title: 'التحقق من العمليتين مع البنك — Check both charges with the bank', dueAt: inDays(1) },
    {
      title: 'استرداد المبلغ المكرر — Refund the duplicate charge',
      dueAt: inDays(3),
      isCustomerVisible: true,
      customerNote: 'سيصلك المبلغ المكرر خلال 3 أيام عمل.',
    },
  ]) {
    await services.plans.addStep({
      actor: admin,
      referenceNumber: doubleCharge,
      input: { ownerUserId: agent.userId, isCustomerVisible: false, ...step },
    });
  }
  await services.offers.create({
    actor: admin,
    referenceNumber: referenceOf('المنتج وصل مكسور'),
    input: {
      message: 'نعتذر عن وصول المنتج مكسورًا. اختر ما يناسبك:',
      expiresInDays: 7,
      options: [
        {
          type: 'replacement',
          description: 'استبدال المنتج بآخر جديد يصلك خلال يومين',
          plan: [{ title: 'شحن البديل — Ship the replacement', dueInDays: 2, isCustomerVisible: true }],
        },
        {
          type: 'refund',
          amount: 250,
          currency: 'SAR',
          description: 'استرداد كامل المبلغ (250 ريالًا) إلى وسيلة الدفع',
          plan: [{ title: 'تنفيذ الاسترداد — Issue the refund', dueInDays: 3, isCustomerVisible: true }],
        },
      ],
    },
  });
  await services.compensation.giveDirectly({
    actor: agent,
    referenceNumber: referenceOf('Refund still not received after 3 weeks'),
    input: {
      type: 'service_credit',
      amount: 150,
      currency: 'SAR',
      reason: 'Three weeks without the refund: a goodwill credit on top of it',
    },
  });
}
