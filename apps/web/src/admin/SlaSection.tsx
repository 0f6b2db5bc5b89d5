import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { can, SLA_TARGETS } from '@sada/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { i18n } from '../i18n/index.ts';
import { slaDuration } from '../inbox/CaseRow.tsx';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { AdminList, ConfirmDialog, ForbiddenState, ReadOnlyNote, useEditing } from './AdminParts.tsx';
import { type Team, useTeams } from './admin-queries.ts';
import { useConditionValueLabel } from './condition-labels.ts';
import { OrderedList, orderedListLabels } from './OrderedList.tsx';
import { PolicyEditor } from './sla/PolicyEditor.tsx';
import { arSlaAdmin, enSlaAdmin } from './sla/sla-admin-strings.ts';
import {
  type SlaPolicy,
  useDeleteSlaPolicy,
  useReorderSlaPolicies,
  useSlaPolicies,
  useUpdateSlaPolicy,
} from './sla/sla-queries.ts';

// Loaded with this section only.
i18n.addResourceBundle('en', 'slaAdmin', enSlaAdmin);
i18n.addResourceBundle('ar', 'slaAdmin', arSlaAdmin);

const TARGET_KEYS = {
  first_response: 'firstResponse',
  next_response: 'nextResponse',
  update: 'update',
  resolution: 'resolution',
} as const;

/**
 * SLA policies in the order they are tried, with their editor. Admins change them; supervisors read.
 */
export function SlaSection() {
  const { t } = useTranslation('slaAdmin');
  const me = useCurrentUser();
  const policies = useSlaPolicies();
  const teams = useTeams();
  const dialog = useEditing<SlaPolicy>();
  const [removing, setRemoving] = useState<SlaPolicy | null>(null);
  const canManage = can(me.role, 'workspace:admin');
  if (!can(me.role, 'sla:read')) return <ForbiddenState />;

  return (
    <Stack gap="md" component="section" aria-labelledby="admin-sla-title" maw={1040}>
      <Group justify="space-between">
        <div>
          <Title order={2} size="h3" id="admin-sla-title">
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('subtitle')}
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={dialog.add}>
            {t('add')}
          </Button>
        )}
      </Group>
      {!canManage && <ReadOnlyNote>{t('readOnly')}</ReadOnlyNote>}
      <AdminList queries={[policies, teams]} items={policies.data} emptyMessage={t('empty')}>
        {(items) => (
          <PolicyList
            policies={items}
            teams={teams.data ?? []}
            canManage={canManage}
            onEdit={dialog.edit}
            onRemove={setRemoving}
          />
        )}
      </AdminList>
      <DialogFrame
        opened={dialog.editing !== undefined}
        onClose={dialog.close}
        title={dialog.editing ? t('editTitle') : t('add')}
        size="xl"
      >
        {dialog.editing !== undefined && (
          <PolicyEditor policy={dialog.editing} teams={teams.data ?? []} onDone={dialog.close} />
        )}
      </DialogFrame>
      {removing && <RemovePolicy policy={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

function PolicyList({
  policies,
  teams,
  canManage,
  onEdit,
  onRemove,
}: {
  policies: SlaPolicy[];
  teams: Team[];
  canManage: boolean;
  onEdit: (policy: SlaPolicy) => void;
  onRemove: (policy: SlaPolicy) => void;
}) {
  const { t } = useTranslation('slaAdmin');
  const reorder = useReorderSlaPolicies();
  const update = useUpdateSlaPolicy();
  return (
    <OrderedList
      items={policies}
      testId="sla-policies"
      labels={orderedListLabels(t)}
      canManage={canManage}
      isReordering={reorder.isPending}
      summary={(policy) => <PolicySummary policy={policy} teams={teams} />}
      onReorder={(ids) => reorder.mutate(ids)}
      onToggle={(policy, isEnabled) => update.mutate({ id: policy.id, isEnabled })}
      onEdit={onEdit}
      onRemove={onRemove}
    />
  );
}

/** "priority P1 and channel E-mail → First response 1h · Resolution 1d". */
function PolicySummary({ policy, teams }: { policy: SlaPolicy; teams: Team[] }) {
  const { t } = useTranslation(['slaAdmin', 'sla', 'common', 'case']);
  const separator = t('case:listSeparator');
  const label = useConditionValueLabel(teams);
  const when = Object.entries(policy.conditions)
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) =>
      t(`summary.${name as 'kinds'}`, {
        values: (values as string[]).map((value) => `\u2068${label(name, value)}\u2069`).join(separator),
      }),
    );
  const units = {
    d: (count: number) => t('sla:units.d', { count }),
    h: (count: number) => t('sla:units.h', { count }),
    m: (count: number) => t('sla:units.m', { count }),
  };
  const targets = SLA_TARGETS.flatMap((target) => {
    const minutes = policy.targets[TARGET_KEYS[target]];
    return minutes ? [`${t(`sla:target.${target}`)} ${slaDuration(minutes * 60, units)}`] : [];
  });
  return (
    <Text size="sm">
      {when.length > 0 ? when.join(t('andSeparator')) : t('anyCase')}{' '}
      <span aria-hidden>{t('case:timeline.arrow')}</span> {targets.join(' · ')}
    </Text>
  );
}

function RemovePolicy({ policy, onClose }: { policy: SlaPolicy; onClose: () => void }) {
  const { t } = useTranslation('slaAdmin');
  const remove = useDeleteSlaPolicy();
  return (
    <ConfirmDialog
      title={t('removeTitle')}
      question={t('removeQuestion', { name: policy.name })}
      confirmLabel={t('removeConfirm')}
      isPending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(policy.id, { onSuccess: onClose })}
      onClose={onClose}
    />
  );
}
