import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './console.css';
import {
  type CSSVariablesResolver,
  createTheme,
  DirectionProvider,
  darken,
  MantineProvider,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { directionOf, i18n } from './i18n/index.ts';

const theme = createTheme({
  primaryColor: 'teal',
  // Teal 6 under white text, or as link colour, is 2.5:1; shade 9 passes WCAG AA (5:1).
  primaryShade: { light: 9, dark: 8 },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
});

// On hover Mantine lightens a shade-9 button to shade 8, which puts white text under 4.5:1 on teal,
// cyan, green and orange; hover darkens shade 9 instead (teal 6.1:1).
const cssVariables: CSSVariablesResolver = (current) => ({
  variables: {},
  light: Object.fromEntries(
    Object.entries(current.colors).map(([name, shades]) => [
      `--mantine-color-${name}-filled-hover`,
      darken(shades[9], 0.12),
    ]),
  ),
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 15_000, refetchOnWindowFocus: true, retry: 1 },
    mutations: { retry: 0 },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
          <Notifications position="top-center" />
          <QueryClientProvider client={queryClient}>
            <App />
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  </StrictMode>,
);
