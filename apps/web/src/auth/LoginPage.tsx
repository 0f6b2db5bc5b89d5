import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
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
  const [credentials, setCredentials] = useState({
    workspace: searchParams.get('workspace') ?? localStorage.getItem(LAST_WORKSPACE_KEY) ?? '',
    email: '',
    password: '',
  });
  const returnTo = (location.state as { from?: string } | null)?.from ?? '/';

  if (session.data) return <Navigate to={returnTo} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const workspace = credentials.workspace.trim();
    localStorage.setItem(LAST_WORKSPACE_KEY, workspace);
    login.mutate({ workspace, email: credentials.email.trim(), password: credentials.password });
  };
  // What the three inputs share: a required, labelled value of the credentials.
  const field = (name: keyof typeof credentials) => ({
    name,
    label: t(`login.${name}`),
    required: true,
    value: credentials[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const { value } = event.currentTarget;
      setCredentials((current) => ({ ...current, [name]: value }));
    },
  });

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
              {...field('workspace')}
              description={t('login.workspaceHint')}
              autoComplete="organization"
              dir="ltr"
            />
            <TextInput {...field('email')} type="email" autoComplete="username" dir="ltr" />
            <PasswordInput {...field('password')} autoComplete="current-password" />
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
