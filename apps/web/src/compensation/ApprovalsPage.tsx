import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForbiddenState } from '../admin/AdminParts.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { FormButtons } from '../ui/FormButtons.tsx';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import {
  type PendingApproval,
  useCustomerCompensation,
  useDecideCompensation,
  usePendingCompensation,
} from './compensation-queries.ts';
import { useMoney } from './money.ts';

// The latest lines of a customer's past compensation shown beside a request.
const PAST_LINES = 5;

/** Supervisors' and admins' queue of compensation waiting for approval, with the customer's history. */
export function ApprovalsPage() {
  const { t } = useTranslation('compensation');
  const me = useCurrentUser();
  const canDecide = me.role === 'admin' || me.role === 'supervisor';
  const pending = usePendingCompensation({ enabled: canDecide });
  const [deciding, setDeciding] = useState<{ item: PendingApproval; decision: 'approve' | 'reject' } | null>(
    null,
  );
  if (!canDecide) return <ForbiddenState />;
  return (
    <Stack p="md" gap="md" component="section" aria-labelledby="approvals-title" maw={1040}>
      <div>
        <Title order={1} size="h2" id="approvals-title">
          {t('approvals.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('approvals.subtitle')}
        </Text>
      </div>
      {pending.isPending && <LoadingState />}
      {pending.isError && <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />}
      {pending.data?.length === 0 && <EmptyState message={t('approvals.empty')} />}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {pending.data?.map((item) => (
          <ApprovalItem
            key={item.id}
            item={item}
            isOwn={item.requestedBy.id === me.id}
            onDecide={(decision) => setDeciding({ item, decision })}
          />
        ))}
      </Stack>
      <DialogFrame
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={deciding?.decision === 'reject' ? t('approvals.rejectTitle') : t('approvals.approveTitle')}
      >
        {deciding && <DecisionForm {...deciding} onDone={() => setDeciding(null)} />}
      </DialogFrame>
    </Stack>
  );
}

function ApprovalItem({
  item,
  isOwn,
  onDecide,
}: {
  item: PendingApproval;
  isOwn: boolean;
  onDecide: (decision: 'approve' | 'reject') => void;
}) {
  const { t } = useTranslation('compensation');
  const format = useFormatters();
  const money = useMoney();
  const reference = item.case.referenceNumber;
  return (
    <Paper withBorder p="sm" component="li" data-testid="approval" data-reference={reference}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
          <Group gap="xs">
            <Anchor component={Link} to={`/cases/${reference}`} fw={600}>
              {reference}
            </Anchor>
            <Text size="sm">
              <UserText>{item.case.subject}</UserText>
            </Text>
          </Group>
          <Text size="lg" fw={700}>
            {money.describe(item)}
          </Text>
          <Text size="sm">
            {t('approvals.requestedBy', {
              name: item.requestedBy.name,
              date: format.relativeTime(item.requestedAt),
            })}
          </Text>
          {item.reason && (
            <Text size="sm">
              {t('approvals.reasonLabel')} <UserText>{item.reason}</UserText>
            </Text>
          )}
          {item.team && (
            <Text size="xs" c="dimmed">
              {t('approvals.team', { name: item.team.name })}
            </Text>
          )}
        </Stack>
        <CustomerHistory item={item} />
      </Group>
      {isOwn && (
        <Alert color="gray" variant="light" p="xs" mt="xs" data-testid="own-request">
          {t('approvals.ownRequest')}
        </Alert>
      )}
      <Group gap="xs" mt="xs" justify="flex-end">
        <Badge variant="light" color="orange" c="dark.7">
          {t('compensationStatus.pending_approval')}
        </Badge>
        <Button size="xs" color="teal.9" disabled={isOwn} onClick={() => onDecide('approve')}>
          {t('approvals.approve')}
        </Button>
        <Button size="xs" color="red.9" variant="outline" disabled={isOwn} onClick={() => onDecide('reject')}>
          {t('approvals.reject')}
        </Button>
      </Group>
    </Paper>
  );
}

/** The customer's cases and what they were given before, so the approver judges in context. */
function CustomerHistory({ item }: { item: PendingApproval }) {
  const { t } = useTranslation(['compensation', 'customer']);
  const format = useFormatters();
  const money = useMoney();
  const history = item.customerHistory;
  return (
    <Stack gap={4} style={{ flex: 1, minWidth: 220 }} data-testid="customer-history">
      <Text size="sm" fw={600}>
        {t('approvals.history')}
        {item.customer && (
          <>
            {' · '}
            <Anchor component={Link} to={`/customers/${item.customer.id}`} size="sm">
              <UserText>{item.customer.name}</UserText>
            </Anchor>
          </>
        )}
      </Text>
      <Text size="sm">{t('customer:list.caseCount', { count: history.caseCount })}</Text>
      <Text size="sm" fw={600}>
        {t('approvals.pastCompensation')}
      </Text>
      {history.givenTotals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('approvals.noPastCompensation')}
        </Text>
      ) : (
        <>
          <Text size="sm">{t('customer.total', { totals: money.totals(history.givenTotals) })}</Text>
          {item.customer && <PastLines customerId={item.customer.id} exceptId={item.id} format={format} />}
        </>
      )}
    </Stack>
  );
}

function PastLines({
  customerId,
  exceptId,
  format,
}: {
  customerId: string;
  exceptId: string;
  format: ReturnType<typeof useFormatters>;
}) {
  const money = useMoney();
  const past = useCustomerCompensation(customerId);
  const lines = (past.data?.items ?? [])
    .filter((line) => line.id !== exceptId && line.givenAt)
    .slice(0, PAST_LINES);
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {lines.map((line) => (
        <Text size="xs" key={line.id} component="li">
          {format.date(line.givenAt ?? line.requestedAt)} · {money.describe(line)} ·{' '}
          <Anchor component={Link} to={`/cases/${line.case.referenceNumber}`} size="xs">
            {line.case.referenceNumber}
          </Anchor>
        </Text>
      ))}
    </Stack>
  );
}

function DecisionForm({
  item,
  decision,
  onDone,
}: {
  item: PendingApproval;
  decision: 'approve' | 'reject';
  onDone: () => void;
}) {
  const { t } = useTranslation('compensation');
  const money = useMoney();
  const decide = useDecideCompensation();
  const [reason, setReason] = useState('');
  const isReject = decision === 'reject';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate(
      { id: item.id, decision, reason },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: isReject ? t('approvals.rejected') : t('approvals.approved'),
          });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {item.case.referenceNumber} · {money.describe(item)}
        </Text>
        <Textarea
          label={isReject ? t('approvals.rejectReason') : t('approvals.approveReason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          required={isReject}
          autosize
          minRows={2}
          data-autofocus
          error={fieldErrorOf(decide.error, 'reason')}
        />
        <FormError error={decide.error} shownFields={['reason']} />
        <FormButtons
          isPending={decide.isPending}
          onCancel={onDone}
          submitLabel={isReject ? t('approvals.reject') : t('approvals.approve')}
        />
      </Stack>
    </form>
  );
}
