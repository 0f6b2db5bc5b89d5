import type { CSSProperties, ReactNode } from 'react';

/**
 * Text written by customers or agents: its direction comes from its own first strong letter, and it
 * is isolated from the surrounding UI, so an Arabic message reads right inside the English console
 * and the reverse.
 */
export function UserText({
  children,
  block = false,
  style,
  className,
}: {
  children: ReactNode;
  block?: boolean;
  style?: CSSProperties;
  className?: string;
}) {
  const Element = block ? 'div' : 'bdi';
  return (
    <Element dir="auto" className={className} style={{ unicodeBidi: 'isolate', ...style }}>
      {children}
    </Element>
  );
}
