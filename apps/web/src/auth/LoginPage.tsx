import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';
import { useLogin, useSession } from './session.ts';

const LAST_WORKSPACE_KEY = 'sada.workspace';

/** Sign-in with workspace, e-mail and password; returns to the page that asked for it. */
export function LoginPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const session = useSession();
  const login = useLogin();
  const [workspace, setWorkspace] = useState(
    searchParams.get('workspace') ?? localStorage.getItem(LAST_WORKSPACE_KEY) ?? '',
  );
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const returnTo = (location.state as { from?: string } | null)?.from ?? '/';

  if (session.data) return <Navigate to={returnTo} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    localStorage.setItem(LAST_WORKSPACE_KEY, workspace.trim());
    login.mutate({ workspace: workspace.trim(), email: email.trim(), password });
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t('login.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('login.subtitle')}
              </Text>
            </div>
            {login.error && (
              <Alert color="red" role="alert" title={t('errors.title')}>
                {errorMessage(login.error)}
              </Alert>
            )}
            <TextInput
              label={t('login.workspace')}
              description={t('login.workspaceHint')}
              name="workspace"
              autoComplete="organization"
              dir="ltr"
              required
              value={workspace}
              onChange={(event) => setWorkspace(event.currentTarget.value)}
            />
            <TextInput
              label={t('login.email')}
              name="email"
              type="email"
              autoComplete="username"
              dir="ltr"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              {login.isPending ? t('login.submitting') : t('login.submit')}
            </Button>
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
