import {
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ModerationDecision, ModerationLabel } from '@sada/contracts';
import type { CaseStatus } from '@sada/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForbiddenState } from '../admin/AdminParts.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import {
  type ModerationQueueItem,
  type QueueFilter,
  useDecide,
  useModerationQueue,
  useUndo,
} from './moderation-queries.ts';

const DECISIONS: readonly ModerationDecision[] = ['hide', 'block', 'not_complaint', 'keep'];
/** What the reason dialog is asked for: a decision, or undoing the latest one. */
type Action = ModerationDecision | 'undo';

/** Supervisors' and admins' moderation queue: decide each item with a reason, see its history, undo. */
export function ModerationPage() {
  const { t } = useTranslation('moderation');
  const role = useCurrentUser().role;
  const canDecide = role === 'admin' || role === 'supervisor';
  const [filter, setFilter] = useState<QueueFilter>({ status: 'open', label: null });
  const queue = useModerationQueue(filter, { enabled: canDecide });
  const [asking, setAsking] = useState<{ item: ModerationQueueItem; action: Action } | null>(null);
  if (!canDecide) return <ForbiddenState />;
  return (
    <Stack p="md" gap="md" component="section" aria-labelledby="moderation-title" maw={1040}>
      <div>
        <Title order={1} size="h2" id="moderation-title">
          {t('page.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('page.subtitle')}
        </Text>
      </div>
      <Group gap="md" align="flex-end" role="group" aria-label={t('page.filters')}>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="moderation-status-filter">
            {t('page.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="moderation-status-filter"
            value={filter.status}
            onChange={(status) => setFilter({ ...filter, status: status as QueueFilter['status'] })}
            data={(['open', 'decided', 'all'] as const).map((value) => ({
              value,
              label: t(`statusFilter.${value}`),
            }))}
          />
        </Stack>
        <Select
          label={t('page.label')}
          w={220}
          allowDeselect={false}
          value={filter.label ?? 'any'}
          onChange={(value) =>
            setFilter({ ...filter, label: value === 'any' || !value ? null : (value as ModerationLabel) })
          }
          data={[
            { value: 'any', label: t('page.anyLabel') },
            { value: 'abuse', label: t('label.abuse') },
            { value: 'spam', label: t('label.spam') },
          ]}
        />
      </Group>
      {queue.isPending && <LoadingState />}
      {queue.isError && <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data?.items.length === 0 && <EmptyState message={t('page.empty')} />}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {queue.data?.items.map((item) => (
          <QueueItem key={item.id} item={item} onAct={(action) => setAsking({ item, action })} />
        ))}
      </Stack>
      <DialogFrame
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t('dialog.title', { action: t(`decision.${asking.action}`) }) : ''}
      >
        {asking && <ReasonForm {...asking} onDone={() => setAsking(null)} />}
      </DialogFrame>
    </Stack>
  );
}

function QueueItem({ item, onAct }: { item: ModerationQueueItem; onAct: (action: Action) => void }) {
  const { t } = useTranslation(['moderation', 'common']);
  const format = useFormatters();
  const [isOpen, setIsOpen] = useState(false);
  const textId = useId();
  const channel = t(`common:channel.${item.message.channel}`, { defaultValue: item.message.channel });
  const identity = item.author.identity;
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      data-testid="moderation-item"
      data-status={item.status}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap={6} wrap="wrap">
            <Badge color={item.label === 'abuse' ? 'red.9' : 'grape.9'} variant="filled">
              {t(`label.${item.label}`)}
            </Badge>
            <Badge color="gray" variant="light" c="dark.7">
              {t(`source.${item.source}`)}
            </Badge>
            <Badge color={item.status === 'open' ? 'orange' : 'teal'} variant="light" c="dark.7">
              {t(`status.${item.status}`)}
            </Badge>
          </Group>
          <Text size="xs" c="gray.7">
            {format.dateTime(item.createdAt)}
          </Text>
        </Group>
        <Group gap={6} wrap="wrap">
          <Text size="sm">
            {t('item.author', { name: `\u2068${item.author.name ?? t('item.unknownAuthor')}\u2069` })}
            {identity?.handle && (
              <Text span size="sm" c="gray.7">
                {' '}
                <UserText>@{identity.handle}</UserText>
              </Text>
            )}
          </Text>
          {identity?.isBlocked && (
            <Badge color="red" variant="outline">
              {t('item.blocked')}
            </Badge>
          )}
          <Text size="sm" c="gray.7">
            · {channel} ·{' '}
            {item.message.visibility === 'public' ? t('item.publicComment') : t('item.privateMessage')}
          </Text>
          {item.message.isHidden && (
            <Badge color="orange" variant="light" c="dark.7">
              {t('item.hiddenOnPlatform', { channel })}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Anchor component={Link} to={`/cases/${encodeURIComponent(item.case.referenceNumber)}`} size="sm">
            {t('item.case', { reference: item.case.referenceNumber })}
          </Anchor>
          <Text size="sm" c="gray.7">
            {t('item.caseStatus', { status: t(`common:status.${item.case.status as CaseStatus}`) })}
          </Text>
        </Group>
        <div>
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={isOpen}
            aria-controls={textId}
            onClick={() => setIsOpen(!isOpen)}
          >
            {isOpen ? t('item.hideText') : t('item.showText')}
          </Button>
          {!isOpen && (
            <Text size="xs" c="gray.7">
              {t('item.textHidden')}
            </Text>
          )}
          <Collapse expanded={isOpen} id={textId}>
            <Paper bg="gray.0" p="sm" mt={4} data-testid="moderation-text">
              <UserText block>{item.message.body}</UserText>
            </Paper>
          </Collapse>
        </div>
        {item.history.length > 0 && <History item={item} />}
        <Group gap="xs" wrap="wrap">
          {DECISIONS.map((decision) => (
            <Button
              key={decision}
              size="xs"
              variant={decision === 'keep' ? 'default' : 'outline'}
              color={decision === 'keep' ? undefined : 'red.9'}
              disabled={item.status === statusOf[decision] || (decision === 'hide' && !item.canHide)}
              title={decision === 'hide' && !item.canHide ? t('cannotHide') : undefined}
              onClick={() => onAct(decision)}
            >
              {t(`decision.${decision}`)}
            </Button>
          ))}
          {item.canUndo && (
            <Button size="xs" variant="outline" onClick={() => onAct('undo')}>
              {t('decision.undo')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

const statusOf: Record<ModerationDecision, ModerationQueueItem['status']> = {
  hide: 'hidden',
  block: 'blocked',
  not_complaint: 'not_complaint',
  keep: 'kept',
};

function History({ item }: { item: ModerationQueueItem }) {
  const { t } = useTranslation('moderation');
  const format = useFormatters();
  return (
    <details>
      <summary>
        <Text span size="sm" fw={500}>
          {t('item.history')}
        </Text>
      </summary>
      <Stack gap={2} component="ol" mt={4} style={{ paddingInlineStart: '1.25rem', margin: 0 }}>
        {item.history.map((entry, index) => (
          <Text key={`${entry.at}-${index}`} size="sm" component="li">
            {entry.action === 'queued'
              ? t('history.queued')
              : t(`history.${entry.action}`, { decision: t(`decision.${entry.decision ?? 'keep'}`) })}{' '}
            {entry.actorName
              ? t('history.by', { name: `\u2068${entry.actorName}\u2069` })
              : t('history.sada')}
            {' · '}
            {format.dateTime(entry.at)}
            {entry.reason && (
              <>
                {' — '}
                <UserText>{entry.reason}</UserText>
              </>
            )}
          </Text>
        ))}
      </Stack>
    </details>
  );
}

function ReasonForm({
  item,
  action,
  onDone,
}: {
  item: ModerationQueueItem;
  action: Action;
  onDone: () => void;
}) {
  const { t } = useTranslation(['moderation', 'common']);
  const decide = useDecide();
  const undo = useUndo();
  const mutation = action === 'undo' ? undo : decide;
  const [reason, setReason] = useState('');
  const channel = t(`common:channel.${item.message.channel}`, { defaultValue: item.message.channel });
  const done = () => {
    notifications.show({ color: 'teal', message: t('dialog.done', { action: t(`decision.${action}`) }) });
    onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) return;
    if (action === 'undo') undo.mutate({ id: item.id, reason: trimmed }, { onSuccess: done });
    else decide.mutate({ id: item.id, decision: action, reason: trimmed }, { onSuccess: done });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm">{t(`decisionHint.${action}`, { channel })}</Text>
        <Textarea
          label={t('dialog.reason')}
          description={t('dialog.reasonHint')}
          required
          maxLength={500}
          autosize
          minRows={2}
          dir="auto"
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        {mutation.isError && <FormError error={mutation.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" disabled={reason.trim() === ''} loading={mutation.isPending}>
            {t('dialog.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
