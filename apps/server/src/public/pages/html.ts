// A tagged template that escapes every interpolated value unless it is marked raw (trusted markup).
const RAW = Symbol('sada.rawHtml');

/** Markup that is inserted as it is: only for fragments built by `html` or constants of ours. */
export type RawHtml = { readonly [RAW]: true; readonly value: string };

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (character) => ENTITIES[character] ?? character);
}

/** Marks trusted markup so that `html` inserts it without escaping. */
export function raw(value: string): RawHtml {
  return { [RAW]: true, value };
}

const isRaw = (value: unknown): value is RawHtml =>
  typeof value === 'object' && value !== null && RAW in value;

type Interpolation = RawHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isRaw(value)) return value.value;
  return escapeHtml(String(value));
}

/**
 * Builds markup: strings and numbers are escaped, arrays are joined, null/undefined/false render
 * nothing, and `raw()` or nested `html` fragments go in as they are.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): RawHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return raw(out);
}

/** Renders an attribute only when it has a value: `attr('aria-describedby', ids)`. */
export function attr(name: string, value: string | number | boolean | null | undefined): RawHtml {
  if (value === null || value === undefined || value === false || value === '') return raw('');
  if (value === true) return raw(` ${name}`);
  return raw(` ${name}="${escapeHtml(String(value))}"`);
}

/** A link target we may print: a path on this site or an http(s) address, never `javascript:`. */
export function safeUrl(url: string): string {
  if (/^\/(?![/\\])/.test(url)) return url;
  return /^https?:\/\//i.test(url) ? url : '#';
}
