import { Alert, Button, Center, Group, Stack, Text } from '@mantine/core';
import { IconEye, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** /admin for a role that has no business there: says so, and offers the way back. */
export function ForbiddenState() {
  const { t } = useTranslation();
  return (
    <Center py="xl" data-testid="forbidden">
      <Stack align="center" gap="xs">
        <IconLock size={32} stroke={1.5} aria-hidden />
        <Text role="alert">{t('states.forbidden')}</Text>
        <Button component={Link} to="/inbox/mine" variant="light">
          {t('states.backToInbox')}
        </Button>
      </Stack>
    </Center>
  );
}

/** Tells a supervisor why the controls of a section are missing: they see it, only an admin changes it. */
export function ReadOnlyNote({ children }: { children: string }) {
  return (
    <Alert color="gray" variant="light" icon={<IconEye aria-hidden />} data-testid="read-only-note">
      {children}
    </Alert>
  );
}

/** Cancel and submit, at the end of every admin form. */
export function FormButtons({
  isPending,
  onCancel,
  submitLabel,
}: {
  isPending: boolean;
  onCancel: () => void;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="xs">
      <Button variant="default" onClick={onCancel}>
        {t('actions.cancel')}
      </Button>
      <Button type="submit" loading={isPending}>
        {submitLabel}
      </Button>
    </Group>
  );
}
