// Words for realistic complaints: subjects and descriptions as customers write them, in Arabic
// (with the usual hamza and ta marbuta variants) and English. `{n}` becomes an order number.

export const ARABIC_SUBJECTS = [
  'تأخر توصيل الطلب',
  'الطلب وصل ناقص',
  'الطلب وصل تالف',
  'لم يصلني الطلب حتى الآن',
  'إلغاء الطلب ولم يتم استرجاع المبلغ',
  'استرجاع المبلغ متأخر',
  'خصم المبلغ مرتين من البطاقة',
  'المندوب لم يتصل قبل التوصيل',
  'سوء تعامل من المندوب',
  'المنتج مختلف عن الصورة',
  'المنتج منتهي الصلاحية',
  'مشكلة في تفعيل الضمان',
  'الفاتورة غير صحيحة',
  'لا أستطيع تسجيل الدخول إلى التطبيق',
  'التطبيق يتوقف عند الدفع',
  'رمز التحقق لا يصل',
  'كود الخصم لا يعمل',
  'طلب تغيير عنوان التوصيل',
  'خدمة العملاء لا ترد على الاتصال',
  'انتظرت طويلا في الفرع',
  'الموظف رفض استبدال المنتج',
  'شكوى على جودة الخدمة',
  'الشحنة عالقة في الجمارك',
  'رسوم إضافية غير متوقعة',
  'اقتراح إضافة الدفع عند الاستلام',
  'شكر لموظف خدمة العملاء',
  'الجهاز لا يعمل بعد الإصلاح',
  'موعد التركيب لم يلتزم به الفني',
  'تسريب في المكيف بعد التركيب',
  'انقطاع الخدمة منذ يومين',
] as const;

export const ENGLISH_SUBJECTS = [
  'Order did not arrive',
  'Late delivery of my order',
  'Item arrived damaged',
  'Wrong item in the package',
  'Refund not received after cancellation',
  'Charged twice for the same order',
  'Refund amount is incorrect',
  'Courier was rude at the door',
  'Cannot log in to the app',
  'App crashes at checkout',
  'Verification code never arrives',
  'Discount code is not accepted',
  'Please change my delivery address',
  'Nobody answers the support line',
  'Long wait at the branch',
  'Warranty claim rejected without reason',
  'Invoice shows the wrong VAT',
  'Installation appointment was missed',
  'Service outage since yesterday',
  'Thanks to the agent who helped me',
] as const;

export const SUBJECTS: readonly string[] = [...ARABIC_SUBJECTS, ...ENGLISH_SUBJECTS];

export const ARABIC_DESCRIPTIONS = [
  'السلام عليكم، رقم الطلب {n} ولم يصلني أي تحديث منذ أسبوع. أرجو المتابعة.',
  'طلبت بتاريخ سابق ورقم الطلب {n}، والمندوب يقول إن العنوان غير واضح مع أنه مسجل في التطبيق.',
  'هذه ثالث مرة أتواصل معكم بخصوص نفس المشكلة، رقم الشحنة {n}. أحتاج حلا اليوم.',
  'تم خصم المبلغ من حسابي ولم يتم تأكيد الطلب {n}. أرفقت صورة من كشف الحساب.',
  'المنتج لا يطابق الوصف (رقم العملية {n})، أريد الاستبدال أو استرجاع المبلغ.',
  'اتصلت بخدمة العملاء أكثر من مرة وانتظرت نصف ساعة بدون رد. رقم البلاغ {n}.',
] as const;

export const ENGLISH_DESCRIPTIONS = [
  'Hello, my order {n} was due three days ago and the tracking page has not changed since.',
  'I contacted you twice about order {n}; nobody got back to me. Please escalate.',
  'The package for order {n} was left outside in the rain and the box was soaked.',
  'I was charged but order {n} shows as pending payment. Please check and refund the extra charge.',
  'Your agent promised a call back about order {n} within 24 hours. It has been a week.',
  'The product in order {n} stopped working after two days. I would like a replacement.',
] as const;

export const DESCRIPTIONS: readonly string[] = [...ARABIC_DESCRIPTIONS, ...ENGLISH_DESCRIPTIONS];

export const CUSTOMER_NAMES = [
  'محمد العتيبي',
  'نورة القحطاني',
  'عبدالله الشمري',
  'سارة الدوسري',
  'فهد الحربي',
  'ريم الزهراني',
  'خالد المطيري',
  'هيا السبيعي',
  'أحمد منصور',
  'فاطمة الكعبي',
  'Omar Haddad',
  'Lina Farouk',
  'James Carter',
  'Aisha Rahman',
  'Priya Nair',
] as const;

export const TEAM_NAMES = [
  'التوصيل',
  'المدفوعات',
  'الدعم الفني',
  'الفروع',
  'الضمان والصيانة',
  'Social media',
  'VIP',
  'Escalations',
] as const;

export const PRODUCTS = ['هاتف', 'مكيف', 'ثلاجة', 'Laptop', 'Headphones', 'اشتراك الإنترنت'] as const;
export const REGIONS = ['الرياض', 'جدة', 'الدمام', 'مكة', 'المدينة', 'أبها'] as const;
export const CATEGORIES = ['delivery', 'billing', 'product', 'service', 'app', 'branch'] as const;

/**
 * Words searched with `q`: a rare-ish and a common Arabic word, an English one, and an order number
 * (bulk-loaded case 77,777's), which matches one case: the search agents run most.
 */
export const SEARCH_WORDS = [
  { label: 'Arabic rare-ish', word: 'الضمان' },
  { label: 'Arabic common', word: 'الطلب' },
  { label: 'English', word: 'refund' },
  { label: 'order number', word: '4077777' },
] as const;
