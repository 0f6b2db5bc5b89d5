import { Alert, Button, Center, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconEye, IconLock, IconPencil, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { FormError } from '../ui/FormError.tsx';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';

/** The admin sections that list items; their strings share the keys `title`, `add`, `readOnly`. */
type SectionName = 'users' | 'teams' | 'fields' | 'templates';
/** The sections that add and change their items in a dialog (`editTitle`). */
export type DialogSectionName = Exclude<SectionName, 'templates'>;

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

/**
 * An admin section: its title, an add button for those who may change it (a note saying why the
 * controls are missing for the others), then its content.
 */
export function AdminSection({
  name,
  subtitle,
  canManage,
  onAdd,
  addIcon: AddIcon = IconPlus,
  children,
}: {
  name: SectionName;
  subtitle?: string;
  canManage: boolean;
  onAdd: () => void;
  addIcon?: typeof IconPlus;
  children: ReactNode;
}) {
  const { t } = useTranslation('admin');
  return (
    <Stack gap="md" component="section" aria-labelledby={`admin-${name}-title`}>
      <Group justify="space-between">
        <div>
          <Title order={2} size="h3" id={`admin-${name}-title`}>
            {t(`${name}.title`)}
          </Title>
          {subtitle && (
            <Text size="sm" c="dimmed">
              {subtitle}
            </Text>
          )}
        </div>
        {canManage && (
          <Button leftSection={<AddIcon size={16} aria-hidden />} onClick={onAdd}>
            {t(`${name}.add`)}
          </Button>
        )}
      </Group>
      {!canManage && <ReadOnlyNote>{t(`${name}.readOnly`)}</ReadOnlyNote>}
      {children}
    </Stack>
  );
}

type ListQuery = { isPending: boolean; isError: boolean; error: unknown; refetch: () => Promise<unknown> };

/** A section's list as its queries stand: loading, failed (retrying all of them), empty, or the list. */
export function AdminList<Item>({
  queries,
  items,
  emptyMessage,
  children,
}: {
  queries: ListQuery[];
  items: Item[] | undefined;
  emptyMessage: string;
  children: (items: Item[]) => ReactNode;
}) {
  const failed = queries.find((query) => query.isError);
  if (queries.some((query) => query.isPending)) return <LoadingState />;
  if (failed) {
    const retry = () => {
      for (const query of queries) void query.refetch();
    };
    return <ErrorState error={failed.error} onRetry={retry} />;
  }
  if (!items || items.length === 0) return <EmptyState message={emptyMessage} />;
  return children(items);
}

/** An admin list as a table: the column headers, a hidden "actions" header when rows have actions, the rows. */
export function AdminTable({
  minWidth,
  columns,
  hasActions,
  highlightOnHover,
  children,
}: {
  minWidth: number;
  columns: string[];
  hasActions: boolean;
  highlightOnHover?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('admin');
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover={highlightOnHover} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{column}</Table.Th>
            ))}
            {hasActions && (
              <Table.Th>
                <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The edit button of one item of an admin list; `label` names the item for a screen reader. */
export function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      leftSection={<IconPencil size={14} aria-hidden />}
      onClick={onClick}
      aria-label={label}
    >
      {t('actions.edit')}
    </Button>
  );
}

/** What a section's dialog edits: undefined while it is closed, null while it adds a new item. */
export function useEditing<Item>() {
  const [editing, setEditing] = useState<Item | null | undefined>(undefined);
  return {
    editing,
    add: () => setEditing(null),
    edit: (item: Item) => setEditing(item),
    close: () => setEditing(undefined),
  };
}

/** The dialog that adds an item to a section or changes one; the form in it mounts on each opening. */
export function AdminDialog<Item>({
  name,
  dialog,
  size,
  children,
}: {
  name: DialogSectionName;
  dialog: ReturnType<typeof useEditing<Item>>;
  size?: 'lg';
  children: (item: Item | null) => ReactNode;
}) {
  const { t } = useTranslation('admin');
  const { editing } = dialog;
  return (
    <DialogFrame
      opened={editing !== undefined}
      onClose={dialog.close}
      title={editing ? t(`${name}.editTitle`) : t(`${name}.add`)}
      size={size}
    >
      {editing !== undefined && children(editing)}
    </DialogFrame>
  );
}

/** Asks before something is removed: the question, why the server refused, cancel and the red button. */
export function ConfirmDialog({
  title,
  question,
  confirmLabel,
  isPending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  question: string;
  confirmLabel: string;
  isPending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('common');
  return (
    <DialogFrame opened onClose={onClose} title={title}>
      <Stack gap="sm">
        <Text size="sm">{question}</Text>
        <FormError error={error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="red.9" loading={isPending} onClick={onConfirm} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </DialogFrame>
  );
}
