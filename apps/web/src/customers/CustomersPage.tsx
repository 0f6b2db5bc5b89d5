import { lazy } from 'react';

// Loaded on first visit, like the customer page (see CustomerPage.tsx).
const CustomerSearch = lazy(() =>
  import('./CustomerSearch.tsx').then((module) => ({ default: module.CustomerSearch })),
);

/** /customers — see CustomerSearch. */
export function CustomersPage() {
  return <CustomerSearch />;
}
