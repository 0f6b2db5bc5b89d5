import { Badge, Button, Group, Paper, Progress, Select, Stack, Text, Title } from '@mantine/core';
import type { PlanStepStatus } from '@sada/contracts';
import { IconAlertTriangle, IconEye, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { ErrorState } from '../ui/states.tsx';
import { type PlanStep, useChangeStep, usePlan, useSetUpdates } from './plan-queries.ts';
import { StepDialog } from './StepDialog.tsx';

const STATUSES: readonly PlanStepStatus[] = ['pending', 'in_progress', 'done', 'cancelled'];
const UPDATE_PERIODS = [1, 2, 3, 5, 7, 14, 30];
const OFF = 'off';

/**
 * The case's resolution plan beside the conversation: its steps with owner, due time and status, how
 * far along it is, and how often the customer hears of it. Agents change it; readers see it.
 */
export function PlanPanel({ reference, canWork }: { reference: string; canWork: boolean }) {
  const { t } = useTranslation('plans');
  const plan = usePlan(reference);
  const change = useChangeStep(reference);
  const setUpdates = useSetUpdates(reference);
  const [editing, setEditing] = useState<PlanStep | 'new' | null>(null);
  const progress = plan.data?.progress;
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="case-plan-title"
      aria-busy={plan.isPending}
      data-testid="plan-panel"
    >
      <Title order={2} size="h5" id="case-plan-title" mb="xs">
        {t('panel.title')}
      </Title>
      {plan.isError && <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />}
      {progress && progress.total > 0 && (
        <Stack gap={4} mb="xs">
          <Progress
            value={(progress.done / progress.total) * 100}
            aria-label={t('panel.progressLabel')}
            color="teal"
          />
          <Text size="xs" data-testid="plan-progress">
            {t('panel.progress', { done: progress.done, total: progress.total })}
          </Text>
        </Stack>
      )}
      {plan.data?.steps.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('panel.empty')}
        </Text>
      )}
      <FormError error={change.error ?? setUpdates.error} />
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {plan.data?.steps.map((step) => (
          <StepItem
            key={step.id}
            step={step}
            canWork={canWork}
            isPending={change.isPending}
            onStatus={(status) => change.mutate({ id: step.id, changes: { status } })}
            onEdit={() => setEditing(step)}
          />
        ))}
      </Stack>
      {canWork && (
        <Button
          size="xs"
          mt="sm"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setEditing('new')}
        >
          {t('panel.addStep')}
        </Button>
      )}
      {plan.data && (
        <Select
          mt="sm"
          size="xs"
          label={t('updates.label')}
          description={t('updates.hint')}
          data={[
            { value: OFF, label: t('updates.off') },
            ...UPDATE_PERIODS.map((days) => ({ value: String(days), label: `${days} ${t('updates.days')}` })),
          ]}
          value={plan.data.updateEveryDays ? String(plan.data.updateEveryDays) : OFF}
          onChange={(value) => setUpdates.mutate(value && value !== OFF ? Number(value) : null)}
          allowDeselect={false}
          disabled={!canWork || setUpdates.isPending}
        />
      )}
      <StepDialog
        reference={reference}
        step={editing === 'new' ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Paper>
  );
}

function StepItem({
  step,
  canWork,
  isPending,
  onStatus,
  onEdit,
}: {
  step: PlanStep;
  canWork: boolean;
  isPending: boolean;
  onStatus: (status: PlanStepStatus) => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation('plans');
  const format = useFormatters();
  const isClosed = step.status === 'done' || step.status === 'cancelled';
  return (
    <li data-step-status={step.status} data-overdue={step.isOverdue || undefined}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600} td={step.status === 'cancelled' ? 'line-through' : undefined} dir="auto">
          {step.title}
        </Text>
        {canWork && (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPencil size={12} aria-hidden />}
            onClick={onEdit}
            aria-label={t('panel.editStep', { title: step.title })}
          >
            {t('panel.edit')}
          </Button>
        )}
      </Group>
      <Text size="xs">{step.owner ? <bdi>{step.owner.name}</bdi> : t('panel.noOwner')}</Text>
      {step.status === 'done' && step.completedAt ? (
        <Text size="xs">{t('panel.completed', { date: format.dateTime(step.completedAt) })}</Text>
      ) : step.isOverdue && step.dueAt ? (
        <Text size="xs" c="red.9" fw={600}>
          <IconAlertTriangle size={12} aria-hidden />{' '}
          {t('panel.overdue', { date: format.dateTime(step.dueAt) })}
        </Text>
      ) : step.dueAt && !isClosed ? (
        <Text size="xs">{t('panel.due', { date: format.dateTime(step.dueAt) })}</Text>
      ) : null}
      <Group gap="xs" mt={4}>
        {canWork ? (
          <Select
            size="xs"
            w={140}
            aria-label={t('panel.statusOf', { title: step.title })}
            data={STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
            value={step.status}
            onChange={(value) => value && value !== step.status && onStatus(value as PlanStepStatus)}
            allowDeselect={false}
            disabled={isPending}
          />
        ) : (
          <Badge variant="light" color={step.status === 'done' ? 'teal' : 'gray'}>
            {t(`status.${step.status}`)}
          </Badge>
        )}
        {step.isCustomerVisible && (
          <Badge variant="outline" color="blue" leftSection={<IconEye size={12} aria-hidden />}>
            {t('panel.visible')}
          </Badge>
        )}
      </Group>
    </li>
  );
}
