import {
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { can, ROLES, type Role } from '@sada/core';
import { IconPencil, IconUserPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import { FormButtons, ReadOnlyNote } from './AdminParts.tsx';
import { useCreateUser, useUpdateUser, useUsers, type WorkspaceUser } from './admin-queries.ts';

/** Who works in the workspace and with which role; admins add, change and deactivate them. */
export function UsersSection() {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const users = useUsers();
  const canManage = can(me.role, 'user:manage');
  // undefined: closed; null: a new user; a user: that user.
  const [editing, setEditing] = useState<WorkspaceUser | null | undefined>(undefined);

  return (
    <Stack gap="md" component="section" aria-labelledby="admin-users-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="admin-users-title">
          {t('users.title')}
        </Title>
        {canManage && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
            {t('users.add')}
          </Button>
        )}
      </Group>
      {!canManage && <ReadOnlyNote>{t('users.readOnly')}</ReadOnlyNote>}
      {users.isPending ? (
        <LoadingState />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyState message={t('users.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                {canManage && (
                  <Table.Th>
                    <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((user) => (
                <Table.Tr key={user.id} c={user.isActive ? undefined : 'dimmed'}>
                  <Table.Td>
                    <UserText>{user.name}</UserText>
                    {user.id === me.id && (
                      <Badge ms="xs" size="xs" variant="outline">
                        {t('users.you')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <bdi dir="ltr">{user.email}</bdi>
                  </Table.Td>
                  <Table.Td>{t(`role.${user.role}`, { ns: 'common' })}</Table.Td>
                  <Table.Td>
                    <Badge color={user.isActive ? 'teal' : 'gray'} variant="light">
                      {user.isActive ? t('users.active') : t('users.inactive')}
                    </Badge>
                  </Table.Td>
                  {canManage && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        onClick={() => setEditing(user)}
                        aria-label={t('users.editNamed', { name: user.name })}
                      >
                        {t('actions.edit', { ns: 'common' })}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('users.editTitle') : t('users.add')}
      >
        {editing === null && <NewUserForm onDone={() => setEditing(undefined)} />}
        {editing && <EditUserForm user={editing} onDone={() => setEditing(undefined)} />}
      </Modal>
    </Stack>
  );
}

function RoleSelect({ value, onChange }: { value: Role; onChange: (role: Role) => void }) {
  const { t } = useTranslation('admin');
  return (
    <Select
      label={t('users.role')}
      description={t(`users.roleHint.${value}`)}
      data={ROLES.map((role) => ({ value: role, label: t(`role.${role}`, { ns: 'common' }) }))}
      value={value}
      onChange={(next) => next && onChange(next as Role)}
      allowDeselect={false}
    />
  );
}

function NewUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('admin');
  const create = useCreateUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), email: email.trim(), role, password }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('users.name')}
          required
          dir="auto"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrorOf(create.error, 'name')}
          data-autofocus
        />
        <TextInput
          label={t('users.email')}
          required
          type="email"
          dir="ltr"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrorOf(create.error, 'email')}
        />
        <RoleSelect value={role} onChange={setRole} />
        <PasswordInput
          label={t('users.password')}
          description={t('users.passwordHint')}
          required
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrorOf(create.error, 'password')}
        />
        <FormError error={create.error} shownFields={['name', 'email', 'password']} />
        <FormButtons isPending={create.isPending} onCancel={onDone} submitLabel={t('users.add')} />
      </Stack>
    </form>
  );
}

function EditUserForm({ user, onDone }: { user: WorkspaceUser; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [isActive, setIsActive] = useState(user.isActive);
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        id: user.id,
        ...(name.trim() !== user.name && { name: name.trim() }),
        ...(role !== user.role && { role }),
        ...(isActive !== user.isActive && { isActive }),
        ...(password && { password }),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          <bdi dir="ltr">{user.email}</bdi>
        </Text>
        <TextInput
          label={t('users.name')}
          required
          dir="auto"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrorOf(update.error, 'name')}
          data-autofocus
        />
        <RoleSelect value={role} onChange={setRole} />
        <PasswordInput
          label={t('users.newPassword')}
          description={t('users.newPasswordHint')}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrorOf(update.error, 'password')}
        />
        <Switch
          label={t('users.canSignIn')}
          description={t('users.canSignInHint')}
          checked={isActive}
          onChange={(event) => setIsActive(event.currentTarget.checked)}
        />
        <FormError error={update.error} shownFields={['name', 'password']} />
        <FormButtons
          isPending={update.isPending}
          onCancel={onDone}
          submitLabel={t('actions.save', { ns: 'common' })}
        />
      </Stack>
    </form>
  );
}
