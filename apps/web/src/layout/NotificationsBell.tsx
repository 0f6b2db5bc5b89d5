import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import type { UserNotification } from '../cases/case-types.ts';
import { useLiveEvent } from '../live/LiveProvider.tsx';
import { useFormatters } from '../ui/format.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';

type NotificationList = { items: UserNotification[]; unreadCount: number };
const notificationsKey = ['notifications'] as const;

/** The headline of each kind of notification but a mention (which names who mentioned). */
const HEADLINE_KEYS = {
  'sla.warning': 'sla:notification.warning',
  'sla.breached': 'sla:notification.breached',
  'plan.step_overdue': 'plans:notification.overdue',
  'survey.low_score': 'surveys:notification.lowScore',
  'compensation.approved': 'compensation:notification.approved',
  'compensation.rejected': 'compensation:notification.rejected',
  'offer.chosen': 'compensation:notification.chosen',
  'analytics.spike': 'analytics:notification.spike',
} as const satisfies Record<Exclude<UserNotification['type'], 'mention'>, string>;

/** Mentions of the signed-in user: an unread count on the bell, the list, mark read; live. */
export function NotificationsBell() {
  const { t } = useTranslation(['case', 'common', 'sla', 'plans', 'surveys', 'compensation', 'analytics']);
  const format = useFormatters();
  // What happened, by the notification's type: a mention, or what happened on one of the case's parts.
  const headline = (item: UserNotification) =>
    item.type === 'mention'
      ? t('notifications.mentionedYou', {
          actor: `\u2068${item.actorName ?? t('notifications.someone')}\u2069`,
          reference: item.caseReference,
        })
      : t(HEADLINE_KEYS[item.type], { subject: `\u2068${item.caseReference} · ${item.caseSubject}\u2069` });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [isOpen, setOpen] = useState(false);
  const list = useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => api.get<NotificationList>('/api/notifications', { signal }),
    staleTime: 60_000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsKey });
  const onError = (error: unknown) =>
    toasts.show({ color: 'red', title: t('common:errors.title'), message: errorMessage(error) });
  const markRead = useMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSettled: refresh,
    onError,
  });
  const markAllRead = useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSettled: refresh,
    onError,
  });

  useLiveEvent((event) => {
    if (event.type !== 'notification.created') return;
    void queryClient.invalidateQueries({ queryKey: notificationsKey }).then(() => {
      const created = queryClient
        .getQueryData<NotificationList>(notificationsKey)
        ?.items.find((item) => item.id === event.notificationId);
      toasts.show({
        color: 'teal',
        icon: <IconBell size={16} aria-hidden />,
        message: created ? headline(created) : t('notifications.new'),
      });
    });
  });

  const unread = list.data?.unreadCount ?? 0;
  const open = (item: UserNotification) => {
    setOpen(false);
    if (!item.readAt) markRead.mutate(item.id);
    navigate(`/cases/${encodeURIComponent(item.caseReference)}`);
  };

  return (
    // The count sits on the bell; the popover's own aria attributes go on the button itself.
    <Indicator
      label={format.number(unread)}
      size={16}
      disabled={unread === 0}
      color="red.8"
      offset={4}
      data-testid="notifications-count"
      data-count={unread}
    >
      <Popover opened={isOpen} onChange={setOpen} position="bottom-end" width={360} withinPortal shadow="md">
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpen((value) => !value)}
            aria-label={
              unread > 0
                ? t('notifications.labelUnread', { count: format.number(unread) })
                : t('notifications.label')
            }
            data-testid="notifications-bell"
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs" aria-label={t('notifications.title')}>
          <Group justify="space-between" mb="xs">
            <Text fw={700} size="sm">
              {t('notifications.title')}
            </Text>
            {unread > 0 && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="teal.9"
                onClick={() => markAllRead.mutate()}
                loading={markAllRead.isPending}
              >
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          {list.isPending ? (
            <LoadingState />
          ) : list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : list.data.items.length === 0 ? (
            <Text size="sm" py="md" ta="center">
              {t('notifications.none')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={400}>
              <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {list.data.items.map((item) => (
                  <li key={item.id}>
                    <UnstyledButton
                      onClick={() => open(item)}
                      w="100%"
                      p="xs"
                      data-testid="notification"
                      data-unread={!item.readAt || undefined}
                      style={{
                        borderRadius: 'var(--mantine-radius-sm)',
                        background: item.readAt ? undefined : 'var(--mantine-color-teal-0)',
                      }}
                    >
                      <Text size="sm" fw={item.readAt ? 400 : 700}>
                        {!item.readAt && <VisuallyHidden>{t('notifications.unread')} </VisuallyHidden>}
                        {headline(item)}
                      </Text>
                      <Text size="xs" c="gray.8" lineClamp={2}>
                        <UserText>{item.excerpt}</UserText>
                      </Text>
                      <Text size="xs" c="gray.7">
                        <time dateTime={item.createdAt} title={format.dateTime(item.createdAt)}>
                          {format.relativeTime(item.createdAt)}
                        </time>
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
