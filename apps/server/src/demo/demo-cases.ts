import type { CaseKind, CaseStatus, Channel, Language, Priority, Sentiment } from '@sada/core';

type DemoCase = {
  subject: string;
  description: string;
  channel: Channel;
  kind: CaseKind;
  category: string;
  product?: string;
  orderReference?: string;
  region?: string;
  priority: Priority;
  sentiment: Sentiment;
  language: Language;
  team: 'billing' | 'delivery' | 'technical';
  tags: string[];
  customFields?: Record<string, unknown>;
  customer: {
    name: string;
    email?: string;
    phone?: string;
    identity?: { channel: Channel; externalId: string; handle?: string };
  };
  messages?: { type: 'reply' | 'note' | 'inbound'; body: string }[];
  status?: CaseStatus;
};

// Sample complaints written in the voices of the seed articles: Gulf and Egyptian Arabic, MSA, English.
export const DEMO_CASES: DemoCase[] = [
  {
    subject: 'الطلب ما وصل لي من أسبوع',
    description: 'طلبت من التطبيق يوم الأحد وللحين ما وصلني شي، والتتبع واقف على "قيد الشحن". أبي حل اليوم.',
    channel: 'x',
    kind: 'complaint',
    category: 'delivery',
    product: 'Express delivery',
    orderReference: 'ORD-١٠٤٥٢',
    region: 'الرياض',
    priority: 'P2',
    sentiment: 'negative',
    language: 'ar',
    team: 'delivery',
    tags: ['تأخير', 'public'],
    customFields: { purchase_channel: 'app' },
    customer: {
      name: 'خالد الشمري',
      identity: { channel: 'x', externalId: '1600000000000000001', handle: '@khalid_sh' },
    },
    messages: [
      { type: 'reply', body: 'أهلاً خالد، نعتذر عن التأخير. أرسلنا لك رسالة خاصة لمتابعة الطلب برقم المرجع.' },
      { type: 'note', body: 'شركة الشحن أكدت أن الشحنة في مستودع الرياض، التسليم غداً.' },
    ],
    status: 'pending',
  },
  {
    subject: 'تم خصم المبلغ مرتين من بطاقتي',
    description: 'دفعت فاتورة الشهر وانخصم المبلغ مرتين (٢٤٩ ريال × ٢). أريد استرداد المبلغ الزائد.',
    channel: 'whatsapp',
    kind: 'complaint',
    category: 'billing_refunds',
    region: 'جدة',
    priority: 'P2',
    sentiment: 'negative',
    language: 'ar',
    team: 'billing',
    tags: ['استرداد'],
    customer: {
      name: 'ريم القحطاني',
      phone: '+966500000001',
      identity: { channel: 'whatsapp', externalId: '966500000001' },
    },
    messages: [{ type: 'inbound', body: 'هذا رقم العملية: TXN-88231' }],
  },
  {
    subject: 'الأمتعة المفقودة في رحلة القاهرة',
    description: 'وصلت القاهرة والشنطة ما وصلتش، ومحدش في المطار عارف يقولي حاجة. فيها أدوية ضرورية!',
    channel: 'facebook',
    kind: 'complaint',
    category: 'delivery',
    region: 'القاهرة',
    priority: 'P1',
    sentiment: 'negative',
    language: 'ar',
    team: 'delivery',
    tags: ['أمتعة', 'urgent'],
    customer: {
      name: 'منى عبد الفتاح',
      identity: { channel: 'facebook', externalId: '5550001', handle: 'mona.abdelfattah' },
    },
  },
  {
    subject: 'Refund still not received after 3 weeks',
    description:
      'I returned the headphones on the 2nd and was promised a refund within 7 days. Nothing yet. Order #A-20931.',
    channel: 'email',
    kind: 'complaint',
    category: 'billing_refunds',
    product: 'Wireless headphones',
    orderReference: 'A-20931',
    region: 'Dubai',
    priority: 'P2',
    sentiment: 'negative',
    language: 'en',
    team: 'billing',
    tags: ['refund'],
    customer: { name: 'Sarah Mitchell', email: 'sarah.mitchell@example.com' },
    messages: [
      {
        type: 'reply',
        body: 'Hi Sarah, sorry for the wait. We have escalated the refund to our finance team.',
      },
    ],
  },
  {
    subject: 'App crashes at checkout',
    description: 'Every time I tap "Pay" the app closes. iPhone 14, latest version. I lost my cart twice.',
    channel: 'live_chat',
    kind: 'complaint',
    category: 'technical_problem',
    product: 'Mobile app',
    priority: 'P2',
    sentiment: 'negative',
    language: 'en',
    team: 'technical',
    tags: ['checkout', 'ios'],
    customer: { name: 'Daniel Okafor', email: 'daniel.okafor@example.com' },
  },
  {
    subject: 'كيف أغير عنوان التوصيل؟',
    description: 'أبغى أغير العنوان لطلب اليوم، هل ممكن؟',
    channel: 'telegram',
    kind: 'question',
    category: 'ordering_checkout',
    priority: 'P3',
    sentiment: 'neutral',
    language: 'ar',
    team: 'delivery',
    tags: [],
    customer: { name: 'فهد', identity: { channel: 'telegram', externalId: '700000001', handle: '@fahad_q' } },
    messages: [{ type: 'reply', body: 'أهلاً فهد، أرسل لنا العنوان الجديد هنا ونعدله لك قبل خروج الشحنة.' }],
    status: 'resolved',
  },
  {
    subject: 'موظف الفرع تعامل معي بأسلوب غير لائق',
    description: 'زرت فرع العليا اليوم وكان الموظف غير متعاون ورفع صوته. أتمنى تتخذون إجراء.',
    channel: 'walk_in',
    kind: 'complaint',
    category: 'customer_service',
    region: 'الرياض',
    priority: 'P3',
    sentiment: 'negative',
    language: 'ar',
    team: 'billing',
    tags: ['staff'],
    customer: { name: 'عبدالله المطيري', phone: '+966500000002' },
  },
  {
    subject: 'Great service from your Jeddah team',
    description: 'Just wanted to say thanks to Ahmed at the Jeddah store, he fixed my issue in 5 minutes!',
    channel: 'instagram',
    kind: 'praise',
    category: 'customer_service',
    region: 'Jeddah',
    priority: 'P4',
    sentiment: 'positive',
    language: 'en',
    team: 'technical',
    tags: ['success-story'],
    customer: {
      name: 'Layla',
      identity: { channel: 'instagram', externalId: '17840000000000001', handle: '@layla.j' },
    },
  },
  {
    subject: 'المنتج وصل مكسور',
    description: 'استلمت الخلاط اليوم والغطاء مكسور. أرفقت صورة. أبي استبدال.',
    channel: 'web_form',
    kind: 'complaint',
    category: 'product_quality',
    product: 'خلاط كهربائي',
    orderReference: 'ORD-10987',
    region: 'الدمام',
    priority: 'P3',
    sentiment: 'negative',
    language: 'ar',
    team: 'delivery',
    tags: ['استبدال'],
    customFields: { purchase_channel: 'website' },
    customer: { name: 'سارة الدوسري', email: 'sara.d@example.com' },
  },
  {
    subject: 'Suggestion: add Apple Pay',
    description: 'Would be great if you supported Apple Pay at checkout.',
    channel: 'email',
    kind: 'suggestion',
    category: 'ordering_checkout',
    priority: 'P4',
    sentiment: 'neutral',
    language: 'en',
    team: 'technical',
    tags: ['feature-request'],
    customer: { name: 'Tom Becker', email: 'tom.becker@example.com' },
  },
  {
    subject: 'سأرفع شكوى لحماية المستهلك',
    description:
      'هذي ثالث مرة أشتكي على نفس المشكلة في الفاتورة وما أحد رد. إذا ما انحلت بكرة برفع شكوى رسمية.',
    channel: 'phone',
    kind: 'complaint',
    category: 'billing_refunds',
    priority: 'P1',
    sentiment: 'negative',
    language: 'ar',
    team: 'billing',
    tags: ['legal-threat', 'repeat'],
    customer: {
      name: 'ريم القحطاني',
      phone: '+966500000001',
      identity: { channel: 'whatsapp', externalId: '966500000001' },
    },
  },
  {
    subject: 'Cannot log in to my account',
    description: 'Password reset e-mail never arrives. Tried three times today.',
    channel: 'web_form',
    kind: 'complaint',
    category: 'account',
    priority: 'P3',
    sentiment: 'negative',
    language: 'en',
    team: 'technical',
    tags: ['login'],
    customer: { name: 'Priya Nair', email: 'priya.nair@example.com' },
    status: 'open',
  },
];
