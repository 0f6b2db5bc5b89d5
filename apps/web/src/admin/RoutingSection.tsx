import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { can } from '@sada/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { arChannels } from '../i18n/ar/channels.ts';
import { arRouting } from '../i18n/ar/routing.ts';
import { enChannels } from '../i18n/en/channels.ts';
import { enRouting } from '../i18n/en/routing.ts';
import { i18n } from '../i18n/index.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { AdminList, ConfirmDialog, ForbiddenState, ReadOnlyNote, useEditing } from './AdminParts.tsx';
import { type Team, useChannelSettings, useTeams } from './admin-queries.ts';
import { useConditionValueLabel } from './condition-labels.ts';
import { OrderedList, orderedListLabels } from './OrderedList.tsx';
import { RoutingNoticeCard } from './routing/RoutingNoticeCard.tsx';
import { RuleEditor } from './routing/RuleEditor.tsx';
import {
  type RoutingRule,
  useDeleteRoutingRule,
  useReorderRoutingRules,
  useRoutingRules,
  useUpdateRoutingRule,
} from './routing/routing-queries.ts';

// Loaded with this section only; the notice card reuses the Channels section's parts and strings.
i18n.addResourceBundle('en', 'routing', enRouting);
i18n.addResourceBundle('ar', 'routing', arRouting);
i18n.addResourceBundle('en', 'channels', enChannels);
i18n.addResourceBundle('ar', 'channels', arChannels);

/**
 * Routing rules in the order they are tried, with their editor and dry run, and the message customers
 * get when a team takes their case. Admins change them; supervisors read and try them.
 */
export function RoutingSection() {
  const { t } = useTranslation('routing');
  const me = useCurrentUser();
  const rules = useRoutingRules();
  const teams = useTeams();
  const dialog = useEditing<RoutingRule>();
  const [removing, setRemoving] = useState<RoutingRule | null>(null);
  const canManage = can(me.role, 'workspace:admin');
  if (!can(me.role, 'routing:read')) return <ForbiddenState />;

  return (
    <Stack gap="md" component="section" aria-labelledby="admin-routing-title" maw={1040}>
      <Group justify="space-between">
        <div>
          <Title order={2} size="h3" id="admin-routing-title">
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={dialog.add}>
          {canManage ? t('add') : t('dryRun.title')}
        </Button>
      </Group>
      {!canManage && <ReadOnlyNote>{t('readOnly')}</ReadOnlyNote>}
      <AdminList queries={[rules, teams]} items={rules.data} emptyMessage={t('empty')}>
        {(items) => (
          <RuleList
            rules={items}
            teams={teams.data ?? []}
            canManage={canManage}
            onEdit={dialog.edit}
            onRemove={setRemoving}
          />
        )}
      </AdminList>
      {canManage && <NoticeSettings />}
      <DialogFrame
        opened={dialog.editing !== undefined}
        onClose={dialog.close}
        title={dialog.editing ? t('editTitle') : canManage ? t('add') : t('dryRun.title')}
        size="xl"
      >
        {dialog.editing !== undefined && (
          <RuleEditor
            rule={dialog.editing}
            teams={teams.data ?? []}
            canSave={canManage}
            onDone={dialog.close}
          />
        )}
      </DialogFrame>
      {removing && <RemoveRule rule={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

function NoticeSettings() {
  const settings = useChannelSettings();
  if (!settings.data) return null;
  return (
    <RoutingNoticeCard
      key={JSON.stringify(settings.data.routingNotice)}
      notice={settings.data.routingNotice}
    />
  );
}

function RuleList({
  rules,
  teams,
  canManage,
  onEdit,
  onRemove,
}: {
  rules: RoutingRule[];
  teams: Team[];
  canManage: boolean;
  onEdit: (rule: RoutingRule) => void;
  onRemove: (rule: RoutingRule) => void;
}) {
  const { t } = useTranslation('routing');
  const reorder = useReorderRoutingRules();
  const update = useUpdateRoutingRule();
  return (
    <OrderedList
      items={rules}
      testId="routing-rules"
      labels={orderedListLabels(t)}
      canManage={canManage}
      isReordering={reorder.isPending}
      badges={(rule) =>
        rule.isFinal && (
          <Badge variant="light" color="grape">
            {t('final')}
          </Badge>
        )
      }
      summary={(rule) => <RuleSummary rule={rule} teams={teams} />}
      onReorder={(ids) => reorder.mutate(ids)}
      onToggle={(rule, isEnabled) => update.mutate({ id: rule.id, isEnabled })}
      onEdit={onEdit}
      onRemove={onRemove}
      onView={onEdit}
    />
  );
}

/** "kind: complaint and words: فاتورة → to Billing · priority P1". */
function RuleSummary({ rule, teams }: { rule: RoutingRule; teams: Team[] }) {
  const { t } = useTranslation(['routing', 'common', 'case']);
  const separator = t('case:listSeparator');
  const label = useConditionValueLabel(teams);
  const when = Object.entries(rule.conditions)
    .filter(([, values]) => Array.isArray(values) && values.length > 0)
    .map(([name, values]) =>
      t(`summary.${name as 'kinds'}`, {
        values: (values as string[]).map((value) => `\u2068${label(name, value)}\u2069`).join(separator),
      }),
    );
  const then = [
    rule.actions.teamId &&
      t('summary.team', {
        team: `\u2068${teams.find((team) => team.id === rule.actions.teamId)?.name ?? '—'}\u2069`,
      }),
    rule.actions.priority &&
      t('summary.priority', { priority: t(`common:priority.${rule.actions.priority}`) }),
    rule.actions.addTags?.length && t('summary.tags', { tags: rule.actions.addTags.join(separator) }),
  ].filter(Boolean);
  return (
    <Text size="sm">
      {when.length > 0 ? when.join(t('andSeparator')) : t('anyCase')}{' '}
      <span aria-hidden>{t('case:timeline.arrow')}</span> {then.join(' · ')}
    </Text>
  );
}

function RemoveRule({ rule, onClose }: { rule: RoutingRule; onClose: () => void }) {
  const { t } = useTranslation('routing');
  const remove = useDeleteRoutingRule();
  return (
    <ConfirmDialog
      title={t('removeTitle')}
      question={t('removeQuestion', { name: rule.name })}
      confirmLabel={t('removeConfirm')}
      isPending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(rule.id, { onSuccess: onClose })}
      onClose={onClose}
    />
  );
}
