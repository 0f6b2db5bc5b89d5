// Success stories are shared outside the company: before that, the customer's name, e-mail
// addresses, phone numbers and order or case references are taken out of the text.

/** What identifies the customer in a text; generic e-mails, phones and references are found too. */
export type Identifiers = {
  names?: readonly string[];
  emails?: readonly string[];
  phones?: readonly string[];
  /** Order references and case reference numbers. */
  references?: readonly string[];
};

const PLACEHOLDERS = {
  en: { name: 'the customer', email: '[e-mail]', phone: '[phone]', reference: '[reference]' },
  ar: { name: 'العميل', email: '[البريد الإلكتروني]', phone: '[رقم الهاتف]', reference: '[رقم مرجعي]' },
} as const;

const ARABIC_LETTER = /[\u0600-\u06FF]/;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// A case reference (TST-2026-000042) or an order number written with # (#A-10023).
const REFERENCE = /(?<![\p{L}\p{N}])(?:[A-Z]{2,10}-\d{4}-\d{3,}|#[\p{L}\p{N}-]{3,})(?![\p{L}\p{N}])/gu;
// A run of digits (Latin or Arabic-Indic) with the separators people type in phone numbers.
const PHONE = /(?:\+|00)?[0-9٠-٩](?:[0-9٠-٩]|[\s\-().](?=[\s\-().]?[0-9٠-٩])){6,}/gu;
const DATE = /^\d{4}-\d{2}-\d{2}$|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const westernDigits = (text: string) =>
  text.replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));
const digitsOf = (text: string) => westernDigits(text).replace(/\D/g, '');

/** A whole word (or words) of `value`, case-insensitive: "Huda" is not taken out of "Hudaibiya". */
function wordPattern(value: string): RegExp {
  const words = value.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu');
}

/** The full names first, then each part of two letters or more (a first name alone is still the customer). */
function namePatterns(names: readonly string[]): RegExp[] {
  const full = names.map((name) => name.trim()).filter((name) => name.length >= 2);
  const parts = full.flatMap((name) => name.split(/\s+/)).filter((part) => part.length >= 2);
  const unique = [...new Set([...full, ...parts])].sort((a, b) => b.length - a.length);
  return unique.map(wordPattern);
}

/**
 * The text with the customer's name, e-mail addresses, phone numbers and order or case references
 * replaced by "the customer", "[e-mail]", "[phone]", "[reference]" (in Arabic when the text is).
 */
export function anonymiseText(
  text: string,
  identifiers: Identifiers,
  language: 'ar' | 'en' = ARABIC_LETTER.test(text) ? 'ar' : 'en',
): string {
  const words = PLACEHOLDERS[language];
  let result = text;
  for (const reference of identifiers.references ?? []) {
    if (reference.trim()) result = result.replace(wordPattern(reference), words.reference);
  }
  result = result.replace(REFERENCE, words.reference);
  for (const email of identifiers.emails ?? []) {
    if (email.trim()) result = result.replace(wordPattern(email), words.email);
  }
  result = result.replace(EMAIL, words.email);
  const knownPhones = new Set(
    (identifiers.phones ?? []).map(digitsOf).filter((digits) => digits.length >= 5),
  );
  result = result.replace(PHONE, (match) => {
    const digits = digitsOf(match);
    const isKnown = [...knownPhones].some((phone) => digits.endsWith(phone) || phone.endsWith(digits));
    if (!isKnown && (digits.length < 8 || DATE.test(westernDigits(match.trim())))) return match;
    return words.phone;
  });
  for (const pattern of namePatterns(identifiers.names ?? [])) {
    result = result.replace(pattern, words.name);
  }
  // "Huda Salem" became "the customer the customer": once is enough.
  const twice = new RegExp(`${escapeRegExp(words.name)}(?:\\s+${escapeRegExp(words.name)})+`, 'g');
  return result.replace(twice, words.name);
}
