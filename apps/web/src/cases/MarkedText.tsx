import type { ReactNode } from 'react';
import classes from './triage.module.css';
import type { TextSpan } from './triage-queries.ts';

type Range = { start: number; end: number };

/**
 * Where each span is in the text: at its offsets when they hold its words, else where its words
 * first occur (a text edited since it was read); spans that are nowhere are dropped. Sorted, with
 * overlapping spans merged.
 */
export function locateSpans(text: string, spans: readonly TextSpan[]): Range[] {
  const found: Range[] = [];
  for (const span of spans) {
    if (span.text === '') continue;
    if (text.slice(span.start, span.end) === span.text) {
      found.push({ start: span.start, end: span.end });
      continue;
    }
    const start = text.indexOf(span.text);
    if (start >= 0) found.push({ start, end: start + span.text.length });
  }
  found.sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

// Moves an excerpt's edge outwards to the nearest space, so no word is cut in half.
function toWordEdge(text: string, index: number, direction: -1 | 1): number {
  let position = index;
  for (let step = 0; step < 20; step++) {
    if (position <= 0 || position >= text.length) break;
    if (/\s/.test(text[direction < 0 ? position - 1 : position] ?? ' ')) break;
    position += direction;
  }
  return Math.max(0, Math.min(text.length, position));
}

/** The windows of text to show: `radius` characters either side of each mark, joined when they meet. */
function windowsOf(text: string, marks: Range[], radius: number): Range[] {
  if (radius === Number.POSITIVE_INFINITY || marks.length === 0) return [{ start: 0, end: text.length }];
  const windows: Range[] = [];
  for (const mark of marks) {
    const start = toWordEdge(text, Math.max(0, mark.start - radius), -1);
    const end = toWordEdge(text, Math.min(text.length, mark.end + radius), 1);
    const last = windows.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

/**
 * A quote of customer or agent text with the given spans in <mark>: the whole text, or with
 * `radius` only the words around each span, "…" standing for what is left out. The text keeps its
 * own direction inside the UI's.
 */
export function MarkedText({
  text,
  spans,
  radius = Number.POSITIVE_INFINITY,
  testId,
}: {
  text: string;
  spans: readonly TextSpan[];
  radius?: number;
  testId?: string;
}) {
  const marks = locateSpans(text, spans);
  // The text changed or is not at hand: the words themselves still say what was found.
  if (marks.length === 0) {
    return (
      <blockquote dir="auto" className={classes.quote} data-testid={testId}>
        {spans.map((span, index) => (
          <span key={`${span.start}-${span.end}`}>
            {index > 0 && ' … '}
            <mark className={classes.mark}>{span.text}</mark>
          </span>
        ))}
      </blockquote>
    );
  }
  const parts: ReactNode[] = [];
  const windows = windowsOf(text, marks, radius);
  for (const [index, window] of windows.entries()) {
    if (index === 0 && window.start > 0) parts.push('… ');
    let position = window.start;
    for (const mark of marks) {
      if (mark.end <= window.start || mark.start >= window.end) continue;
      if (mark.start > position) parts.push(text.slice(position, mark.start));
      parts.push(
        <mark key={mark.start} className={classes.mark}>
          {text.slice(mark.start, mark.end)}
        </mark>,
      );
      position = mark.end;
    }
    if (position < window.end) parts.push(text.slice(position, window.end));
    if (window.end < text.length) parts.push(window === windows.at(-1) ? ' …' : ' … ');
  }
  return (
    <blockquote dir="auto" className={classes.quote} data-testid={testId}>
      {parts}
    </blockquote>
  );
}
