import { useDirection } from '@mantine/core';
import { lazy, type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider, useLocation, useRouteError } from 'react-router';
import { LoginPage } from './auth/LoginPage.tsx';
import { useSession } from './auth/session.ts';
import { loadCasePage } from './cases/load-case-page.ts';
import { CustomerPage } from './customers/CustomerPage.tsx';
import { CustomersPage } from './customers/CustomersPage.tsx';
import { applyLanguage, directionOf, storedLanguage } from './i18n/index.ts';
import { InboxPage } from './inbox/InboxPage.tsx';
import { ConsoleLayout } from './layout/ConsoleLayout.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { LiveProvider } from './live/LiveProvider.tsx';
import { ErrorState, LoadingState } from './ui/states.tsx';

const CasePage = lazy(() => loadCasePage().then((module) => ({ default: module.CasePage })));
const ApprovalsPage = lazy(() =>
  import('./compensation/ApprovalsPage.tsx').then((m) => ({ default: m.ApprovalsPage })),
);
const LedgerPage = lazy(() =>
  import('./compensation/LedgerPage.tsx').then((m) => ({ default: m.LedgerPage })),
);
const ModerationPage = lazy(() =>
  import('./moderation/ModerationPage.tsx').then((m) => ({ default: m.ModerationPage })),
);
const AnalyticsPage = lazy(() =>
  import('./analytics/AnalyticsPage.tsx').then((m) => ({ default: m.AnalyticsPage })),
);
const ReportsPage = lazy(() => import('./reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
const StoriesPage = lazy(() => import('./stories/StoriesPage.tsx').then((m) => ({ default: m.StoriesPage })));
const ProblemsPage = lazy(() =>
  import('./problems/ProblemsPage.tsx').then((m) => ({ default: m.ProblemsPage })),
);
const ProblemPage = lazy(() =>
  import('./problems/ProblemPage.tsx').then((m) => ({ default: m.ProblemPage })),
);

// Admin pages are used by few people and rarely: they load on demand, outside the initial bundle.
const AdminPage = lazy(() =>
  import('./admin/AdminPage.tsx').then((module) => ({ default: module.AdminPage })),
);

/** Pages behind sign-in: sends visitors to /login and back; the user's saved language wins. */
function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const userLanguage = session.data?.language;
  useEffect(() => {
    // A choice made on this device wins over the account's, which wins over the workspace default.
    const language = storedLanguage() ?? userLanguage ?? session.data?.workspace.defaultLanguage;
    if (language === 'ar' || language === 'en') void applyLanguage(language);
  }, [userLanguage, session.data?.workspace.defaultLanguage]);
  if (session.isPending) return <LoadingState />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <LiveProvider>{children}</LiveProvider>;
}

function RouteError() {
  const error = useRouteError();
  return <ErrorState error={error} onRetry={() => location.reload()} />;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <ConsoleLayout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/inbox/mine" replace /> },
      { path: 'inbox', element: <Navigate to="/inbox/mine" replace /> },
      { path: 'inbox/:view', element: <InboxPage /> },
      { path: 'cases/:reference', element: <CasePage /> },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'customers/:customerId', element: <CustomerPage /> },
      { path: 'admin/*', element: <AdminPage /> },
      { path: 'approvals', element: <ApprovalsPage /> },
      { path: 'compensation', element: <LedgerPage /> },
      { path: 'moderation', element: <ModerationPage /> },
      { path: 'stories', element: <StoriesPage /> },
      { path: 'analytics', element: <AnalyticsPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'problems', element: <ProblemsPage /> },
      { path: 'problems/:problemId', element: <ProblemPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    void applyLanguage(i18n.language === 'en' ? 'en' : 'ar');
    setDirection(directionOf(i18n.language));
  }, [i18n.language, setDirection]);
  return <RouterProvider router={router} />;
}
