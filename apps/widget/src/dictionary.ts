import type { Language } from './chat-types.ts';

// Every sentence the customer reads, in both languages; `{name}` marks a value filled in by `say`.
const en = {
  bubble: 'Chat with us',
  bubbleUnread: 'Chat with us: new reply',
  close: 'Close chat',
  title: 'Chat with {workspace}',
  reference: 'Reference: {reference}',
  intro: 'Tell us who you are and how we can help; we will answer here.',
  name: 'Your name',
  email: 'E-mail',
  topic: 'Topic (optional)',
  firstMessage: 'How can we help?',
  start: 'Start chat',
  starting: 'Starting…',
  nameMissing: 'Write your name.',
  emailInvalid: 'Write an e-mail address such as name@example.com.',
  messageMissing: 'Write your message.',
  messages: 'Conversation',
  you: 'You',
  team: 'Support team',
  message: 'Your message',
  send: 'Send',
  sending: 'Sending…',
  attach: 'Attach images or PDF files',
  remove: 'Remove {name}',
  typingNamed: '{name} is typing…',
  typing: 'An agent is typing…',
  offline: 'No agent is online right now.',
  offlineWithin:
    'We will answer by e-mail within {hours}: the conversation continues by e-mail. You can still leave your messages here.',
  offlineBy:
    'We will answer by e-mail by {time}: the conversation continues by e-mail. You can still leave your messages here.',
  hourOne: '1 hour',
  hours: '{count} hours',
  fileType: '“{name}” was not added: only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.',
  fileSize: '“{name}” was not added: a file may be at most {size}.',
  fileCount: '“{name}” was not added: at most {count} files per message.',
  megabytes: '{count} MB',
  kilobytes: '{count} KB',
  resolved: 'We marked this conversation as resolved. Write again if you still need help.',
  closed: 'This conversation is closed. Writing again reopens it.',
  ended: 'Your previous conversation is no longer available here; please start a new one.',
  reconnecting: 'Connection lost; reconnecting…',
  network: 'We could not reach the server. Check your connection and try again.',
  failed: 'Something went wrong. Please try again.',
};
export type Phrase = keyof typeof en;

const ar: Record<Phrase, string> = {
  bubble: 'تحدّث معنا',
  bubbleUnread: 'تحدّث معنا: رد جديد',
  close: 'إغلاق المحادثة',
  title: 'المحادثة مع {workspace}',
  reference: 'الرقم المرجعي: {reference}',
  intro: 'عرّفنا بنفسك وأخبرنا كيف نساعدك، وسنجيبك هنا.',
  name: 'اسمك',
  email: 'البريد الإلكتروني',
  topic: 'الموضوع (اختياري)',
  firstMessage: 'كيف نساعدك؟',
  start: 'ابدأ المحادثة',
  starting: 'جارٍ البدء…',
  nameMissing: 'اكتب اسمك.',
  emailInvalid: 'اكتب بريدًا إلكترونيًا مثل name@example.com.',
  messageMissing: 'اكتب رسالتك.',
  messages: 'المحادثة',
  you: 'أنت',
  team: 'فريق الدعم',
  message: 'رسالتك',
  send: 'إرسال',
  sending: 'جارٍ الإرسال…',
  attach: 'إرفاق صور أو ملفات PDF',
  remove: 'إزالة {name}',
  typingNamed: '{name} يكتب الآن…',
  typing: 'أحد الموظفين يكتب الآن…',
  offline: 'لا يوجد موظف متصل الآن.',
  offlineWithin:
    'سنرد عليك بالبريد الإلكتروني خلال {hours}، وتستمر المحادثة عبر البريد. ما زال بإمكانك ترك رسائلك هنا.',
  offlineBy:
    'سنرد عليك بالبريد الإلكتروني قبل {time}، وتستمر المحادثة عبر البريد. ما زال بإمكانك ترك رسائلك هنا.',
  hourOne: 'ساعة',
  hours: '{count} ساعة',
  fileType: 'لم يُرفق «{name}»: يمكن إرسال الصور (PNG وJPEG وGIF وWebP) وملفات PDF فقط.',
  fileSize: 'لم يُرفق «{name}»: الحد الأقصى لحجم الملف {size}.',
  fileCount: 'لم يُرفق «{name}»: الحد الأقصى {count} ملفات في الرسالة.',
  megabytes: '{count} ميغابايت',
  kilobytes: '{count} كيلوبايت',
  resolved: 'أغلقنا هذه المحادثة على أنها محلولة. اكتب لنا مجددًا إن احتجت مساعدة أخرى.',
  closed: 'هذه المحادثة مغلقة. الكتابة من جديد تعيد فتحها.',
  ended: 'محادثتك السابقة لم تعد متاحة هنا؛ ابدأ محادثة جديدة من فضلك.',
  reconnecting: 'انقطع الاتصال؛ نعيد الاتصال…',
  network: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مجددًا.',
  failed: 'حدث خطأ. حاول مجددًا من فضلك.',
};

const dictionary: Record<Language, Record<Phrase, string>> = { ar, en };

/** The phrase in the widget's language, with its `{placeholders}` filled in. */
export function say(language: Language, phrase: Phrase, values: Record<string, string | number> = {}) {
  return dictionary[language][phrase].replace(/\{(\w+)\}/g, (match, key: string) =>
    key in values ? String(values[key]) : match,
  );
}

/** Latin digits in both languages, as the console writes them. */
export const localeOf = (language: Language) => (language === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB');

/** "within 24 hours" / "خلال ساعتين": Arabic counts one, two and three to ten differently. */
export function hoursText(language: Language, count: number): string {
  if (count === 1) return say(language, 'hourOne');
  if (language === 'ar' && count === 2) return 'ساعتين';
  if (language === 'ar' && count >= 3 && count <= 10) return `${count} ساعات`;
  return say(language, 'hours', { count });
}

export function sizeText(language: Language, bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return say(language, 'megabytes', { count: Math.round(megabytes * 10) / 10 });
  return say(language, 'kilobytes', { count: Math.max(1, Math.round(bytes / 1024)) });
}

export function dateTimeText(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function timeText(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeStyle: 'short' }).format(new Date(iso));
}
