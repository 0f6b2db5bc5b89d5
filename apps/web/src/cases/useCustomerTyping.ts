import { useEffect, useRef, useState } from 'react';
import { useLiveEvent } from '../live/LiveProvider.tsx';

// The widget repeats "typing" every few seconds while the customer types; silence this long means
// they stopped (or closed the page) without saying so.
export const CUSTOMER_TYPING_TIMEOUT_MS = 6_000;

/**
 * Whether the customer of a live-chat case is typing now (`chat.typing` on the live socket); off
 * after a quiet spell, or when the widget says they stopped.
 */
export function useCustomerTyping(reference: string): boolean {
  const [isTyping, setIsTyping] = useState(false);
  const quietTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useLiveEvent((event) => {
    if (event.type !== 'chat.typing') return;
    if (event.referenceNumber.toUpperCase() !== reference.toUpperCase()) return;
    clearTimeout(quietTimer.current);
    setIsTyping(event.isTyping);
    if (event.isTyping) quietTimer.current = setTimeout(() => setIsTyping(false), CUSTOMER_TYPING_TIMEOUT_MS);
  });

  useEffect(() => () => clearTimeout(quietTimer.current), []);
  return isTyping;
}
