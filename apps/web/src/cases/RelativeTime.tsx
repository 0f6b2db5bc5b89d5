import { useFormatters } from '../ui/format.ts';

/** "3 h ago", with the exact date and time on hover and for screen readers' `dateTime`. */
export function RelativeTime({ value, now }: { value: string; now: number }) {
  const format = useFormatters();
  return (
    <time dateTime={value} title={format.dateTime(value)}>
      {format.relativeTime(value, now)}
    </time>
  );
}
