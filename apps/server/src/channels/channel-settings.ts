import type { ChannelSettings } from '@sada/contracts';

/** What a workspace stores in workspace.channel_settings: the settings, with the captcha secret sealed. */
export type StoredChannelSettings = Partial<Omit<ChannelSettings, 'captcha'>> & {
  captcha?: (Omit<NonNullable<ChannelSettings['captcha']>, 'hasSecret'> & { sealedSecret?: string }) | null;
};

/** Every workspace starts with these: the form and chat on, a bilingual acknowledgement. */
export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = {
  form: {
    isEnabled: true,
    title: { ar: 'قدّم شكوى', en: 'Make a complaint' },
    intro: {
      ar: 'أخبرنا بما حدث، وسنرسل إليك رقمًا مرجعيًا تتابع به شكواك.',
      en: 'Tell us what happened; we will give you a reference number to follow your complaint.',
    },
    fields: {
      name: 'required',
      email: 'optional',
      phone: 'optional',
      orderReference: 'optional',
      product: 'hidden',
      category: 'optional',
      region: 'hidden',
      attachments: 'optional',
    },
    products: [],
    categories: [],
    customFields: [],
    embedOrigins: [],
  },
  captcha: null,
  email: { inboundDomain: null, fromAddress: null, fromName: { ar: '', en: '' } },
  chat: {
    isEnabled: true,
    greeting: { ar: 'مرحبًا! كيف نساعدك اليوم؟', en: 'Hello! How can we help you today?' },
    accentColor: '#0c7b6e',
  },
  acknowledgement: {
    isEnabled: true,
    subject: { ar: 'استلمنا شكواك', en: 'We have received your complaint' },
    body: {
      ar: 'مرحبًا {{customer.first_name}}،\n\nاستلمنا رسالتك وسجّلناها برقم مرجعي {{case.reference}}. سيراجعها فريقنا ويرد عليك قبل {{case.expected_response}}.\n\nتتابع حالتها في أي وقت هنا: {{case.status_url}}\n\n{{workspace.name}}',
      en: 'Hello {{customer.first_name}},\n\nWe have received your message and recorded it under reference {{case.reference}}. Our team will review it and answer you by {{case.expected_response}}.\n\nFollow it at any time here: {{case.status_url}}\n\n{{workspace.name}}',
    },
  },
  outOfHours: {
    subject: { ar: 'استلمنا شكواك خارج ساعات العمل', en: 'We have received your complaint out of hours' },
    body: {
      ar: 'مرحبًا {{customer.first_name}}،\n\nاستلمنا رسالتك وسجّلناها برقم مرجعي {{case.reference}}. فريقنا خارج ساعات العمل الآن؛ نعمل {{hours}}، ونعود {{opens_at}}، وسنرد عليك قبل {{case.expected_response}}.\n\nتتابع حالتها في أي وقت هنا: {{case.status_url}}\n\n{{workspace.name}}',
      en: 'Hello {{customer.first_name}},\n\nWe have received your message and recorded it under reference {{case.reference}}. Our team is out of the office now: we work {{hours}}, and we are back {{opens_at}}. We will answer you by {{case.expected_response}}.\n\nFollow it at any time here: {{case.status_url}}\n\n{{workspace.name}}',
    },
    byChannel: {},
  },
  routingNotice: {
    isEnabled: true,
    subject: { ar: 'فريق مختص يتابع شكواك', en: 'A specialised team has your case' },
    body: {
      ar: 'حالتك {{case.reference}} الآن لدى فريق {{team.name}} المختص بهذا النوع من الطلبات، وسنرد عليك قبل {{case.expected_response}}.',
      en: 'Your case {{case.reference}} is now with our {{team.name}} team, who specialise in this; we will answer you by {{case.expected_response}}.',
    },
  },
  expectedResponseHours: 24,
};

/** The settings in force: what the workspace stored over the defaults, section by section. */
export function channelSettingsOf(stored: Record<string, unknown>): ChannelSettings & {
  captchaSecret: string | null;
} {
  const value = stored as StoredChannelSettings;
  const defaults = DEFAULT_CHANNEL_SETTINGS;
  const { sealedSecret, ...captcha } = value.captcha ?? {};
  return {
    form: {
      ...defaults.form,
      ...value.form,
      fields: { ...defaults.form.fields, ...value.form?.fields },
    },
    captcha: value.captcha
      ? {
          ...(captcha as Omit<NonNullable<ChannelSettings['captcha']>, 'hasSecret'>),
          hasSecret: !!sealedSecret,
        }
      : null,
    captchaSecret: sealedSecret ?? null,
    email: { ...defaults.email, ...value.email },
    chat: { ...defaults.chat, ...value.chat },
    acknowledgement: { ...defaults.acknowledgement, ...value.acknowledgement },
    outOfHours: { ...defaults.outOfHours, ...value.outOfHours },
    routingNotice: { ...defaults.routingNotice, ...value.routingNotice },
    expectedResponseHours: value.expectedResponseHours ?? defaults.expectedResponseHours,
  };
}
