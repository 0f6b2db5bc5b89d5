import { ActionIcon, Badge, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { UserText } from '../ui/UserText.tsx';

/** An item of an ordered admin list: the first that matches wins (routing rules, SLA policies). */
type OrderedItem = { id: string; name: string; isEnabled: boolean };

/** The list's words, from the owning section's namespace (each takes `name`, `position` the number). */
export type OrderedListLabels = {
  position: (position: number) => string;
  disabled: string;
  enabledNamed: (name: string) => string;
  moveUp: (name: string) => string;
  moveDown: (name: string) => string;
  edit: (name: string) => string;
  remove: (name: string) => string;
};

type LabelKey = 'position' | 'disabled' | 'enabledNamed' | 'moveUp' | 'moveDown' | 'edit' | 'remove';

/** The list's words from a namespace that has the seven keys (routing, slaAdmin). */
export function orderedListLabels(
  t: (key: LabelKey, options?: { name?: string; position?: number }) => string,
) {
  return {
    position: (position: number) => t('position', { position }),
    disabled: t('disabled'),
    enabledNamed: (name: string) => t('enabledNamed', { name }),
    moveUp: (name: string) => t('moveUp', { name }),
    moveDown: (name: string) => t('moveDown', { name }),
    edit: (name: string) => t('edit', { name }),
    remove: (name: string) => t('remove', { name }),
  } satisfies OrderedListLabels;
}

/**
 * Items tried in order, each with its position, name, badges and a summary; admins switch them on
 * and off, move them up and down, edit and remove them. Without `canManage` the list is read-only
 * (with `onView`, each item can still be opened).
 */
export function OrderedList<Item extends OrderedItem>({
  items,
  testId,
  labels,
  canManage,
  isReordering,
  badges,
  summary,
  onReorder,
  onToggle,
  onEdit,
  onRemove,
  onView,
}: {
  items: Item[];
  testId: string;
  labels: OrderedListLabels;
  canManage: boolean;
  isReordering: boolean;
  badges?: (item: Item) => ReactNode;
  summary: (item: Item) => ReactNode;
  onReorder: (ids: string[]) => void;
  onToggle: (item: Item, isEnabled: boolean) => void;
  onEdit: (item: Item) => void;
  onRemove: (item: Item) => void;
  onView?: ((item: Item) => void) | undefined;
}) {
  const move = (index: number, offset: -1 | 1) => {
    const ids = items.map((item) => item.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + offset, 0, moved!);
    onReorder(ids);
  };
  return (
    <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid={testId}>
      {items.map((item, index) => (
        <Paper key={item.id} component="li" withBorder p="sm" opacity={item.isEnabled ? 1 : 0.6}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {labels.position(index + 1)}
                </Text>
                <Text fw={600}>
                  <UserText>{item.name}</UserText>
                </Text>
                {badges?.(item)}
                {!item.isEnabled && (
                  <Badge variant="light" color="gray">
                    {labels.disabled}
                  </Badge>
                )}
              </Group>
              {summary(item)}
            </Stack>
            {canManage && (
              <Group gap={4} wrap="nowrap">
                <Switch
                  aria-label={labels.enabledNamed(item.name)}
                  checked={item.isEnabled}
                  onChange={(event) => onToggle(item, event.currentTarget.checked)}
                />
                <ActionIcon
                  variant="subtle"
                  aria-label={labels.moveUp(item.name)}
                  disabled={index === 0 || isReordering}
                  onClick={() => move(index, -1)}
                >
                  <IconArrowUp size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={labels.moveDown(item.name)}
                  disabled={index === items.length - 1 || isReordering}
                  onClick={() => move(index, 1)}
                >
                  <IconArrowDown size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="subtle" aria-label={labels.edit(item.name)} onClick={() => onEdit(item)}>
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={labels.remove(item.name)}
                  onClick={() => onRemove(item)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            )}
            {!canManage && onView && (
              <ActionIcon variant="subtle" aria-label={labels.edit(item.name)} onClick={() => onView(item)}>
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
