import { seededRandom } from '@sada/triage';
import {
  ARABIC_DESCRIPTIONS,
  ARABIC_SUBJECTS,
  CATEGORIES,
  CUSTOMER_NAMES,
  ENGLISH_DESCRIPTIONS,
  ENGLISH_SUBJECTS,
  PRODUCTS,
  REGIONS,
} from './vocabulary.ts';

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Three in ten customers have written before: they reuse the identity of an earlier request far
// enough back that it has certainly been answered (no two requests race to create one customer).
const REPEAT_DISTANCE = 100;

function customerIdentity(index: number, random: () => number) {
  const owner =
    index > REPEAT_DISTANCE && random() < 0.3 ? Math.floor(random() * (index - REPEAT_DISTANCE)) : index;
  const name = CUSTOMER_NAMES[owner % CUSTOMER_NAMES.length]!;
  switch (owner % 3) {
    case 0:
      return { name, identity: { channel: 'whatsapp', externalId: `+9665${String(10_000_000 + owner)}` } };
    case 1:
      return { name, email: `customer${owner}@example.sa` };
    default:
      return { name, identity: { channel: 'x', externalId: `x-${owner}`, handle: `@customer_${owner}` } };
  }
}

/** The body of POST /api/cases number `index`: a phone-call or walk-in complaint in Arabic or English. */
export function caseRequestBody(index: number, teamIds: string[], seed: number) {
  const random = seededRandom(seed * 1_000_003 + index);
  const isArabic = random() < 0.6;
  const orderNumber = String(4_000_000 + index);
  const description = pick(random, isArabic ? ARABIC_DESCRIPTIONS : ENGLISH_DESCRIPTIONS);
  return {
    subject: pick(random, isArabic ? ARABIC_SUBJECTS : ENGLISH_SUBJECTS),
    description: description.replace('{n}', orderNumber),
    channel: pick(random, ['phone', 'walk_in', 'email', 'web_form', 'whatsapp'] as const),
    kind: random() < 0.85 ? 'complaint' : 'question',
    category: pick(random, CATEGORIES),
    product: pick(random, PRODUCTS),
    orderReference: orderNumber,
    region: pick(random, REGIONS),
    priority: pick(random, ['P1', 'P2', 'P3', 'P3', 'P3', 'P4'] as const),
    sentiment: 'negative',
    language: isArabic ? 'ar' : 'en',
    ...(random() < 0.7 && { teamId: pick(random, teamIds) }),
    tags: random() < 0.2 ? ['vip'] : [],
    customer: customerIdentity(index, random),
  };
}
