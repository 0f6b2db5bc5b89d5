import { Badge, Group, Text, Title } from '@mantine/core';
import type { CaseStatus, Channel } from '@sada/core';
import { useTranslation } from 'react-i18next';
import { UserText } from '../ui/UserText.tsx';
import { ChannelIcon } from './ChannelIcon.tsx';
import classes from './case.module.css';
import type { CaseDetail } from './case-types.ts';
import { RelativeTime } from './RelativeTime.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { useNow } from './useNow.ts';

/** Reference, status, priority, channel, subject and customer of the case, at the top of the page. */
export function CaseHeader({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation(['case', 'common']);
  const now = useNow();
  const channel = caseDetail.channel as Channel;
  return (
    <div>
      <Group gap="xs" wrap="wrap">
        <Text component="span" ff="monospace" fw={600} size="sm" data-testid="case-reference" dir="ltr">
          {caseDetail.referenceNumber}
        </Text>
        <StatusBadge status={caseDetail.status as CaseStatus} />
        <Badge variant="outline" color="gray" c="gray.9">
          {t(`common:priority.${caseDetail.priority}`)}
        </Badge>
        <Group gap={4} component="span" wrap="nowrap" className={classes.meta}>
          <ChannelIcon channel={channel} />
          {t(`common:channel.${channel}`)}
        </Group>
      </Group>
      <Title order={1} size="h3" mt={4}>
        <UserText>{caseDetail.subject}</UserText>
      </Title>
      <Text size="sm" className={classes.meta}>
        {caseDetail.customerName ? (
          <UserText>{caseDetail.customerName}</UserText>
        ) : (
          t('thread.unknownCustomer')
        )}
        {' · '}
        {t('header.opened')} <RelativeTime value={caseDetail.createdAt} now={now} />
      </Text>
    </div>
  );
}
