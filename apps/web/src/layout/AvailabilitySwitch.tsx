import { Badge, Checkbox, Menu, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { availabilityStatus } from '@sada/contracts';
import { AVAILABILITIES, type Availability } from '@sada/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, apiRequest, errorMessage, type Wire } from '../api/client.ts';

type AvailabilityStatus = Wire<z.infer<typeof availabilityStatus>>;

const availabilityKey = ['me', 'availability'] as const;
const COLORS: Record<Availability, string> = { online: 'teal', away: 'yellow', offline: 'gray' };

/** The header's online / away / offline switch: only an online agent receives cases. */
export function AvailabilitySwitch() {
  const { t } = useTranslation('assignment');
  const queryClient = useQueryClient();
  const [isReturningWaiting, setReturningWaiting] = useState(true);
  const status = useQuery({
    queryKey: availabilityKey,
    queryFn: ({ signal }) => api.get<AvailabilityStatus>('/api/me/availability', { signal }),
  });
  const change = useMutation({
    mutationFn: (availability: Availability) =>
      apiRequest<AvailabilityStatus>('PUT', '/api/me/availability', {
        availability,
        returnWaitingCases: isReturningWaiting,
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(availabilityKey, next);
      if (next.returnedCases > 0)
        notifications.show({ message: t('availability.returned', { count: next.returnedCases }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const current = change.isPending ? change.variables : status.data?.availability;
  if (!current) return null;

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton data-testid="availability" data-availability={current}>
          <Badge
            variant="dot"
            color={COLORS[current]}
            rightSection={<IconChevronDown size={12} aria-hidden />}
            style={{ cursor: 'pointer', textTransform: 'none' }}
          >
            {t('availability.current', { state: t(`availability.states.${current}`) })}
          </Badge>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('availability.label')}</Menu.Label>
        {AVAILABILITIES.map((state) => (
          <Menu.Item
            key={state}
            onClick={() => change.mutate(state)}
            leftSection={<Badge variant="dot" color={COLORS[state]} size="xs" aria-hidden />}
            aria-current={state === current ? 'true' : undefined}
            fw={state === current ? 700 : undefined}
          >
            {t(`availability.states.${state}`)}
            <div style={{ fontSize: 'var(--mantine-font-size-xs)', opacity: 0.7 }}>
              {t(`availability.hints.${state}`)}
            </div>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item closeMenuOnClick={false} component="div">
          <Checkbox
            size="xs"
            maw={260}
            label={t('availability.returnWaiting')}
            checked={isReturningWaiting}
            onChange={(event) => setReturningWaiting(event.currentTarget.checked)}
          />
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
