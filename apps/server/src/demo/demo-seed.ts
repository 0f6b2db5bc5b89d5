import { randomBytes } from 'node:crypto';
import type { Clock } from '@sada/core';
import type { Database } from '@sada/db';
import { actorFor } from '../auth/actor.ts';
import type { Services } from '../services.ts';
import { DEMO_CASES } from './demo-cases.ts';
import { seedFollowThrough } from './demo-follow-through.ts';

export const DEMO_WORKSPACE = 'demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.sada.local';

// Personal, not canned: the customer's name, the reference, a concrete next step and who answers.
const DEMO_TEMPLATES = [
  {
    name: 'تأكيد الاستلام — Acknowledgement',
    bodyAr:
      'أهلًا {{customer.first_name}}، شكرًا لتواصلك معنا. استلمنا طلبك برقم {{case.reference}} وسنعود إليك خلال ساعة. معك {{agent.first_name}} من {{workspace.name}}.',
    bodyEn:
      'Hi {{customer.first_name}}, thank you for reaching out. We have your request under reference {{case.reference}} and will get back to you within the hour. {{agent.first_name}}, {{workspace.name}}',
  },
  {
    name: 'اعتذار ومتابعة — Apology and follow-up',
    bodyAr:
      '{{customer.first_name}}، نعتذر لك بصدق عن «{{case.subject}}»، فهذا ليس ما تستحقه منا. أتابع الأمر الآن مع الفريق المختص وسأعود إليك بتحديث قبل نهاية اليوم. رقم طلبك للمتابعة: {{case.reference}}. {{agent.first_name}}',
    bodyEn:
      '{{customer.first_name}}, we are truly sorry about "{{case.subject}}"; that is not the service you deserve. I am following it up with the team now and will update you before the end of the day. Your reference: {{case.reference}}. {{agent.first_name}}',
  },
  {
    name: 'تم الحل — Resolved',
    bodyAr:
      'أهلًا {{customer.first_name}}، يسعدنا إبلاغك بأن طلبك رقم {{case.reference}} قد حُلّ. إن بقي شيء لم يُحل فردّ على هذه الرسالة وسنعيد فتحه فورًا. شكرًا لصبرك. {{agent.first_name}}، {{workspace.name}}',
    bodyEn:
      'Hi {{customer.first_name}}, good news: your request {{case.reference}} is resolved. If anything is still not right, reply to this message and we will reopen it straight away. Thank you for your patience. {{agent.first_name}}, {{workspace.name}}',
  },
];

/**
 * Creates the demo workspace with teams, a custom field, reply templates, sample Arabic and English
 * cases and what follows the first answer (a plan, an offer, a refund to approve), once.
 * Returns the admin's credentials the first time (to print once), undefined when it already exists.
 */
export async function seedDemoWorkspace(options: { services: Services; database: Database; clock: Clock }) {
  const { services } = options;
  const { workspace, isCreated } = await services.workspaces.ensureWorkspace({
    slug: DEMO_WORKSPACE,
    name: 'صدى — Sada Demo',
    referencePrefix: 'SAD',
    defaultLanguage: 'ar',
    timeZone: 'Asia/Riyadh',
  });
  if (!isCreated) return undefined;
  const password = randomBytes(12).toString('base64url');
  const admin = await services.workspaces.createUser({
    workspace,
    email: DEMO_ADMIN_EMAIL,
    name: 'مدير العرض (Demo admin)',
    role: 'admin',
    password,
  });
  const actor = services.workspaces.systemActor(workspace, admin);
  const agentPassword = randomBytes(12).toString('base64url');
  const agents = [];
  for (const [email, name] of [
    ['noura@demo.sada.local', 'نورة العتيبي'],
    ['omar@demo.sada.local', 'Omar Haddad'],
  ] as const) {
    agents.push(
      await services.people.createUser({ actor, email, name, role: 'agent', password: agentPassword }),
    );
  }
  const teams = new Map<string, string>();
  for (const name of ['الفوترة والاسترداد — Billing', 'التوصيل — Delivery', 'الدعم الفني — Technical']) {
    const team = await services.people.createTeam({
      actor,
      name,
      memberIds: agents.map((agent) => agent.id),
    });
    teams.set(name.split(' — ')[1]!.toLowerCase(), team.id);
  }
  await services.people.createField({
    actor,
    field: {
      key: 'purchase_channel',
      labelAr: 'مكان الشراء',
      labelEn: 'Purchased through',
      type: 'select',
      isRequired: false,
      options: ['app', 'website', 'store'],
      position: 0,
    },
  });
  for (const template of DEMO_TEMPLATES) await services.templates.create({ actor, template });
  const references = new Map<string, string>();
  for (const sample of DEMO_CASES) {
    const created = await services.cases.create({
      actor,
      input: {
        subject: sample.subject,
        description: sample.description,
        channel: sample.channel,
        kind: sample.kind,
        category: sample.category,
        product: sample.product,
        orderReference: sample.orderReference,
        region: sample.region,
        priority: sample.priority,
        sentiment: sample.sentiment,
        language: sample.language,
        teamId: teams.get(sample.team),
        tags: sample.tags,
        customFields: sample.customFields ?? {},
        customer: sample.customer,
      },
    });
    for (const message of sample.messages ?? []) {
      await services.cases.addMessage({
        actor,
        referenceNumber: created.referenceNumber,
        type: message.type,
        visibility: 'public',
        body: message.body,
        attachments: [],
      });
    }
    references.set(sample.subject, created.referenceNumber);
    if (sample.status && sample.status !== created.status) {
      await services.cases.transition({ actor, referenceNumber: created.referenceNumber, to: sample.status });
    }
  }
  await seedFollowThrough({
    services,
    admin: actor,
    agent: actorFor(agents[0]!, workspace, 'token'),
    referenceOf: (subject) => references.get(subject)!,
    now: options.clock.now(),
  });
  return { email: DEMO_ADMIN_EMAIL, password, workspace: DEMO_WORKSPACE };
}
