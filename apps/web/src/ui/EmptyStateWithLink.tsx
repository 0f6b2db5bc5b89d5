import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from './states.tsx';

/** An empty state whose next step is another page: the message, and a button that goes there. */
export function EmptyStateWithLink({
  message,
  to,
  label,
  variant = 'default',
}: {
  message: string;
  to: string;
  label: string;
  variant?: 'default' | 'light';
}) {
  return (
    <EmptyState
      message={message}
      action={
        <Button component={Link} to={to} variant={variant}>
          {label}
        </Button>
      }
    />
  );
}
