import type { enSla } from '../en/sla.ts';

export const arSla: typeof enSla = {
  target: {
    first_response: 'الرد الأول',
    next_response: 'الرد التالي',
    update: 'التحديث',
    resolution: 'الحل',
  },
  status: { running: 'جارٍ', paused: 'متوقف مؤقتًا', met: 'تحقق', breached: 'تجاوز المهلة' },
  units: { d: '{{count}} ي', h: '{{count}} س', m: '{{count}} د' },
  left: 'متبقٍّ {{time}}',
  over: 'تجاوز بـ {{time}}',
  paused: 'متوقف',
  badgeLabel: 'مستوى الخدمة: {{state}}',
  panel: {
    title: 'مستوى الخدمة',
    due: 'الموعد {{date}}',
    pausedDue: 'متوقف مؤقتًا بانتظار العميل',
    metBy: 'تحقق وتبقّى {{time}}',
    metOnTime: 'تحقق في الموعد',
    overBy: 'تجاوز المهلة بـ {{time}}',
    leftBy: 'متبقٍّ {{time}}',
    businessTime: 'الأوقات بساعات العمل حسب تقويم السياسة.',
    warned: 'نُبّه المسؤول',
    escalated: 'صُعّدت',
  },
  timeline: {
    policyApplied: 'تنطبق سياسة مستوى الخدمة «{{name}}»',
    warned: 'اقترب موعد {{target}}',
    breached: 'تجاوز {{target}} موعده',
    cleared: 'أُلغي تصعيد مستوى الخدمة: {{targets}}',
    clearedNoPolicy: 'لم تعد أي سياسة مستوى خدمة تنطبق؛ أُزيلت مؤقتاتها',
  },
  notification: {
    warning: 'يقترب الموعد: {{subject}}',
    breached: 'تجاوز مستوى الخدمة: {{subject}}',
  },
};
