import { Badge, PasswordInput, Select, Switch, Table, Text, TextInput } from '@mantine/core';
import { can, ROLES, type Role } from '@sada/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { UserText } from '../ui/UserText.tsx';
import { AdminForm, NameInput, useAdminSave } from './AdminForm.tsx';
import { AdminDialog, AdminList, AdminSection, AdminTable, EditButton, useEditing } from './AdminParts.tsx';
import { type AgentProfile, AgentProfileFields } from './AgentProfileFields.tsx';
import { useCreateUser, useUpdateUser, useUsers, type WorkspaceUser } from './admin-queries.ts';

/** Who works in the workspace and with which role; admins add, change and deactivate them. */
export function UsersSection() {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const users = useUsers();
  const canManage = can(me.role, 'user:manage');
  const dialog = useEditing<WorkspaceUser>();

  return (
    <AdminSection name="users" canManage={canManage} onAdd={dialog.add} addIcon={IconUserPlus}>
      <AdminList queries={[users]} items={users.data} emptyMessage={t('users.empty')}>
        {(items) => (
          <AdminTable
            minWidth={640}
            columns={[t('users.name'), t('users.email'), t('users.role'), t('users.status')]}
            hasActions={canManage}
            highlightOnHover
          >
            {items.map((user) => (
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
                  </Badge>{' '}
                  <Badge color="gray" variant="dot" style={{ textTransform: 'none' }}>
                    {t(`availability.states.${user.availability}`, { ns: 'assignment' })}
                  </Badge>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <EditButton
                      label={t('users.editNamed', { name: user.name })}
                      onClick={() => dialog.edit(user)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </AdminTable>
        )}
      </AdminList>
      <AdminDialog name="users" dialog={dialog}>
        {(user) => <UserForm user={user} onDone={dialog.close} />}
      </AdminDialog>
    </AdminSection>
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

/** A new user (name, e-mail, role, password), or what changes of one (name, role, password, sign-in). */
function UserForm({ user, onDone }: { user: WorkspaceUser | null; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const save = useAdminSave('users', {
    isNew: !user,
    create: useCreateUser(),
    update: useUpdateUser(),
    onDone,
  });
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(user?.role ?? 'agent');
  const [isActive, setIsActive] = useState(user?.isActive ?? true);
  const [password, setPassword] = useState('');
  const [profile, setProfile] = useState<AgentProfile | undefined>(
    user ? { skills: user.skills, capacity: user.capacity, shifts: user.shifts } : undefined,
  );

  const submit = () => {
    if (!user) save.create({ name: name.trim(), email: email.trim(), role, password });
    else
      save.update({
        id: user.id,
        ...(name.trim() !== user.name && { name: name.trim() }),
        ...(role !== user.role && { role }),
        ...(isActive !== user.isActive && { isActive }),
        ...(password && { password }),
        ...profile,
      });
  };
  return (
    <AdminForm
      save={save}
      onSubmit={submit}
      shownFields={user ? ['name', 'password'] : ['name', 'email', 'password']}
    >
      {user && (
        <Text size="sm" c="dimmed">
          <bdi dir="ltr">{user.email}</bdi>
        </Text>
      )}
      <NameInput label={t('users.name')} value={name} onChange={setName} error={save.errorAt('name')} />
      {!user && (
        <TextInput
          label={t('users.email')}
          required
          type="email"
          dir="ltr"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={save.errorAt('email')}
        />
      )}
      <RoleSelect value={role} onChange={setRole} />
      <PasswordInput
        label={user ? t('users.newPassword') : t('users.password')}
        description={user ? t('users.newPasswordHint') : t('users.passwordHint')}
        required={!user}
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        error={save.errorAt('password')}
      />
      {user && (
        <Switch
          label={t('users.canSignIn')}
          description={t('users.canSignInHint')}
          checked={isActive}
          onChange={(event) => setIsActive(event.currentTarget.checked)}
        />
      )}
      {profile && role !== 'analyst' && (
        <AgentProfileFields value={profile} onChange={setProfile} errorAt={save.errorAt} />
      )}
    </AdminForm>
  );
}
