// What a spike alert says outside the console: the e-mail in the reader's language, and the JSON
// an outgoing webhook receives. Both list the field, value, count against the usual, the hour in the
// workspace's zone, and the example posts with links to their cases in the console.
import type { SpikeWebhookPayload } from '@sada/contracts';
import type { UiLanguage } from '@sada/core';
import type { SpikeAlertRow, SpikeDimension } from '@sada/db';

/** An example case of an alert, as both messages show it. */
export type AlertExample = { referenceNumber: string; channel: string; text: string; url: string };

export type AlertContent = {
  alert: SpikeAlertRow;
  workspace: { slug: string; name: string; timeZone: string; defaultLanguage: string };
  examples: AlertExample[];
  /** The console's analytics page, where the alert and its history are. */
  analyticsUrl: string;
};

const FIELD: Record<SpikeDimension, LocalizedWord> = {
  category: { en: 'category', ar: 'الفئة' },
  product: { en: 'product', ar: 'المنتج' },
  channel: { en: 'channel', ar: 'القناة' },
};
type LocalizedWord = Record<UiLanguage, string>;

/** Example texts are cut here in messages; the case holds the rest. */
const EXAMPLE_CHARS = 500;

export function exampleText(subject: string, description: string): string {
  const text = description.trim() ? `${subject.trim()}\n${description.trim()}` : subject.trim();
  return text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS - 1)}…` : text;
}

/** The alert's hour in the workspace's zone, e.g. "Tuesday, 3 November 2026, 12:00–13:00 (Asia/Riyadh)". */
export function alertHour(alert: SpikeAlertRow, timeZone: string, language: UiLanguage): string {
  const locale = language === 'ar' ? 'ar' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full' }).format(alert.windowStart);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const comma = language === 'ar' ? '،' : ',';
  return `${day}${comma} ${time.format(alert.windowStart)}–${time.format(alert.windowEnd)} (${timeZone})`;
}

const usualOf = (alert: SpikeAlertRow) => String(Math.round(alert.usual * 10) / 10);

/** The alert as an e-mail: subject, plain text and HTML (right-to-left in Arabic). */
export function spikeMail(content: AlertContent, language: UiLanguage) {
  const { alert, workspace, examples } = content;
  const field = FIELD[alert.dimension as SpikeDimension][language];
  const hour = alertHour(alert, workspace.timeZone, language);
  const usual = usualOf(alert);
  const words =
    language === 'ar'
      ? {
          subject: `إنذار مبكر: ارتفاع الشكاوى السلبية في ${field} «${alert.key}» (${alert.count} مقابل ${usual} عادةً)`,
          intro: `ارتفعت الشكاوى السلبية في ${workspace.name}:`,
          field: 'الحقل',
          value: 'القيمة',
          count: 'العدد في الساعة',
          usual: 'المعتاد في هذه الساعة من الأسبوع',
          hour: 'الساعة',
          examples: 'أمثلة',
          open: 'افتح التحليلات',
          why: 'وصلتك هذه الرسالة لأنك مشترك في الإنذارات المبكرة؛ ألغِ الاشتراك من صفحة التحليلات.',
        }
      : {
          subject: `Early warning: negative complaints up in ${field} “${alert.key}” (${alert.count} against a usual ${usual})`,
          intro: `Negative complaints rose in ${workspace.name}:`,
          field: 'Field',
          value: 'Value',
          count: 'Count in the hour',
          usual: 'Usual for this hour of the week',
          hour: 'Hour',
          examples: 'Examples',
          open: 'Open analytics',
          why: 'You receive this because you subscribed to early warnings; unsubscribe on the analytics page.',
        };
  const facts: [string, string][] = [
    [words.field, field],
    [words.value, alert.key],
    [words.count, String(alert.count)],
    [words.usual, usual],
    [words.hour, hour],
  ];
  const text = [
    words.intro,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    `${words.examples}:`,
    ...examples.flatMap((example) => [
      `- ${example.referenceNumber} (${example.channel}) ${example.url}`,
      ...example.text.split('\n').map((line) => `  ${line}`),
    ]),
    '',
    `${words.open}: ${content.analyticsUrl}`,
    '',
    words.why,
  ].join('\n');
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const html = `<!doctype html><html lang="${language}" dir="${dir}"><body dir="${dir}" style="font-family:sans-serif">
<p>${escapeHtml(words.intro)}</p>
<table>${facts.map(([label, value]) => `<tr><th style="text-align:start">${escapeHtml(label)}</th><td><bdi>${escapeHtml(value)}</bdi></td></tr>`).join('')}</table>
<h2>${escapeHtml(words.examples)}</h2>
<ul>${examples
    .map(
      (example) =>
        `<li><a href="${escapeHtml(example.url)}">${escapeHtml(example.referenceNumber)}</a> (${escapeHtml(example.channel)})<br><bdi>${escapeHtml(example.text).replace(/\n/g, '<br>')}</bdi></li>`,
    )
    .join('')}</ul>
<p><a href="${escapeHtml(content.analyticsUrl)}">${escapeHtml(words.open)}</a></p>
<p style="color:#666">${escapeHtml(words.why)}</p>
</body></html>`;
  return { subject: words.subject.replace(/[\r\n\t\u2028\u2029]+/g, ' '), text, html };
}

/** The alert as an outgoing webhook's JSON. */
export function spikeWebhookPayload(content: AlertContent): SpikeWebhookPayload {
  const { alert } = content;
  return {
    type: 'analytics.spike',
    id: alert.id,
    workspace: content.workspace.slug,
    field: alert.dimension as SpikeDimension,
    value: alert.key,
    hour: alert.windowStart.toISOString(),
    count: alert.count,
    usual: alert.usual,
    examples: content.examples.map((example) => ({
      reference: example.referenceNumber,
      channel: example.channel,
      text: example.text,
      url: example.url,
    })),
  };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
