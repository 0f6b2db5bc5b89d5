import { useEffect, useRef } from 'react';
import type { CaseRow } from './inbox-filters.ts';

type Command = 'next' | 'previous' | 'toggle' | 'open';

// The letter, or the physical key, so j/k/x also work with the Arabic keyboard layout active.
function commandOf(event: KeyboardEvent): Command | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return undefined;
  if (event.key === 'j' || event.code === 'KeyJ') return 'next';
  if (event.key === 'k' || event.code === 'KeyK') return 'previous';
  if (event.key === 'x' || event.code === 'KeyX') return 'toggle';
  if (event.key === 'Enter') return 'open';
  return undefined;
}

// Typing somewhere, or inside a dialog or menu: the keys belong to that control.
const TYPING = 'input:not([type="checkbox"]), textarea, select, [contenteditable="true"]';
const OVERLAYS = '[role="dialog"], [role="menu"], [role="listbox"]';

/**
 * j / k move through the list, x selects the row, Enter opens it. The row's link receives the
 * focus, so screen readers follow and a focused link opens with Enter by itself.
 */
export function useListKeyboard(options: {
  rows: CaseRow[];
  activeIndex: number;
  setActiveIndex: (index: number) => void;
  scrollToIndex: (index: number) => void;
  onOpen: (referenceNumber: string, index: number) => void;
  onToggle: ((index: number) => void) | undefined;
}) {
  const latest = useRef(options);
  latest.current = options;
  const focusRequest = useRef<number | undefined>(undefined);

  useEffect(() => {
    const focusRow = (index: number, attempt = 0) => {
      const reference = latest.current.rows[index]?.referenceNumber;
      const link = reference
        ? document.querySelector<HTMLElement>(`[data-case-row="${CSS.escape(reference)}"] a[data-case-link]`)
        : null;
      if (link) link.focus({ preventScroll: true });
      // The row renders once the list has scrolled to it.
      else if (attempt < 5) focusRequest.current = requestAnimationFrame(() => focusRow(index, attempt + 1));
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = commandOf(event);
      if (!command) return;
      const target = event.target instanceof HTMLElement ? event.target : undefined;
      if (target?.closest(TYPING) || target?.closest(OVERLAYS)) return;
      const { rows, activeIndex } = latest.current;
      if (rows.length === 0) return;
      switch (command) {
        case 'next':
        case 'previous': {
          const step = command === 'next' ? 1 : -1;
          const index = Math.max(0, Math.min(rows.length - 1, activeIndex < 0 ? 0 : activeIndex + step));
          event.preventDefault();
          latest.current.setActiveIndex(index);
          latest.current.scrollToIndex(index);
          if (focusRequest.current) cancelAnimationFrame(focusRequest.current);
          focusRow(index);
          return;
        }
        case 'toggle':
          if (activeIndex < 0 || !latest.current.onToggle) return;
          event.preventDefault();
          latest.current.onToggle(activeIndex);
          return;
        case 'open': {
          // A focused link or button does what Enter does to it.
          if (target?.closest('a, button')) return;
          const row = rows[activeIndex];
          if (!row) return;
          event.preventDefault();
          latest.current.onOpen(row.referenceNumber, activeIndex);
          return;
        }
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      if (focusRequest.current) cancelAnimationFrame(focusRequest.current);
    };
  }, []);
}
