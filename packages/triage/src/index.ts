export { normalizeArabic, normalizeForSearch, normalizeLatin } from './normalize.ts';
