import { lazy } from 'react';

// The customer pages load on first visit: agents mostly meet customers in the panel beside a case,
// which stays in the initial bundle. The layout's Suspense shows the loading state meanwhile.
const CustomerProfile = lazy(() =>
  import('./CustomerProfile.tsx').then((module) => ({ default: module.CustomerProfile })),
);

/** /customers/:customerId — see CustomerProfile. */
export function CustomerPage() {
  return <CustomerProfile />;
}
