import { Group, List, Text, VisuallyHidden } from '@mantine/core';
import type { CaseKind, CaseStatus, Channel, Priority, Sentiment, SignalType, SlaTarget } from '@sada/core';
import { useTranslation } from 'react-i18next';
import { ModerationEventSummary } from '../moderation/ModerationEventSummary.tsx';
import { PlanEventSummary } from '../plans/PlanEventSummary.tsx';
import { StoryEventSummary } from '../stories/StoryEventSummary.tsx';
import { SurveyEventSummary } from '../surveys/SurveyEventSummary.tsx';
import { EmptyState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import classes from './case.module.css';
import type { CaseEvent } from './case-types.ts';
import { RelativeTime } from './RelativeTime.tsx';
import { useCategoryName } from './triage-queries.ts';
import type { ModerationReason } from './useCase.ts';
import { useNow } from './useNow.ts';
import { useFields, useTeams, useUserNames } from './useWorkspaceLists.ts';

type Change = { before: unknown; after: unknown };

// Fields the timeline names in words; any other is shown by its key.
const FIELD_NAMES = [
  'subject',
  'description',
  'status',
  'channel',
  'kind',
  'category',
  'product',
  'orderReference',
  'region',
  'priority',
  'sentiment',
  'language',
  'teamId',
  'assigneeId',
  'customerId',
  'tags',
] as const;
type FieldName = (typeof FIELD_NAMES)[number];
const isFieldName = (field: string): field is FieldName => (FIELD_NAMES as readonly string[]).includes(field);

const isChange = (value: unknown): value is Change =>
  typeof value === 'object' && value !== null && 'before' in value && 'after' in value;

// The server writes these reasons for the changes it makes by itself.
const AUTOMATIC_REASONS: Record<string, 'customerWrote' | 'agentReplied'> = {
  'the customer wrote': 'customerWrote',
  'an agent replied': 'agentReplied',
};

/** Turns a stored value into words of the UI: vocabulary in the UI language, ids into names. */
function useValueFormatter() {
  const { t, i18n } = useTranslation(['case', 'common']);
  const userName = useUserNames();
  const teams = useTeams();
  const fields = useFields();
  const categoryName = useCategoryName();
  const teamName = (id: string) => teams.data?.find((team) => team.id === id)?.name;
  const vocabulary = (field: string, value: string): string | undefined => {
    switch (field) {
      // A value the vocabulary does not know (an older one) shows as stored.
      case 'status':
        return t(`common:status.${value as CaseStatus}`, { defaultValue: value });
      case 'kind':
        return t(`common:kind.${value as CaseKind}`, { defaultValue: value });
      case 'priority':
        return t(`common:priority.${value as Priority}`, { defaultValue: value });
      case 'channel':
        return t(`common:channel.${value as Channel}`, { defaultValue: value });
      case 'sentiment':
        return t(`common:sentiment.${value as Sentiment}`, { defaultValue: value });
      case 'language':
        return value === 'ar' || value === 'en'
          ? t(`common:languages.${value}`)
          : t('timeline.otherLanguage');
      case 'category':
        return categoryName(value);
      case 'teamId':
        return teamName(value) ?? t('timeline.unknownTeam');
      case 'assigneeId':
        return userName(value) ?? t('timeline.unknownUser');
      default:
        return undefined;
    }
  };
  const format = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      return t('timeline.empty');
    if (Array.isArray(value)) return value.map((item) => format(field, item)).join(t('listSeparator'));
    if (typeof value === 'boolean') return value ? t('timeline.yes') : t('timeline.no');
    if (typeof value === 'string') return vocabulary(field, value) ?? value;
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const customLabel = (key: string) => {
    const field = fields.data?.find((item) => item.key === key);
    return field ? (i18n.language === 'en' ? field.labelEn : field.labelAr) : key;
  };
  const label = (field: string) => (isFieldName(field) ? t(`timeline.fields.${field}`) : field);
  return { format, label, customLabel };
}

/** "Field: before → after" lines of one event; custom fields are listed one by one. */
function ChangeList({ changes }: { changes: Record<string, unknown> }) {
  const { t } = useTranslation(['case', 'common']);
  const { format, label, customLabel } = useValueFormatter();
  const lines: { key: string; name: string; before: string; after: string }[] = [];
  for (const [field, change] of Object.entries(changes)) {
    if (!isChange(change)) continue;
    if (field === 'customFields') {
      const before = (change.before ?? {}) as Record<string, unknown>;
      const after = (change.after ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue;
        lines.push({
          key,
          name: customLabel(key),
          before: format(key, before[key]),
          after: format(key, after[key]),
        });
      }
      continue;
    }
    lines.push({
      key: field,
      name: label(field),
      before: format(field, change.before),
      after: format(field, change.after),
    });
  }
  if (lines.length === 0) return null;
  return (
    <List size="sm" spacing={2} mt={2}>
      {lines.map((line) => (
        <List.Item key={line.key}>
          <Text span size="sm" fw={600}>
            {line.name}:
          </Text>{' '}
          <UserText>{line.before}</UserText> <span aria-hidden>{t('timeline.arrow')}</span>{' '}
          <VisuallyHidden>{t('timeline.to')}</VisuallyHidden> <UserText>{line.after}</UserText>
        </List.Item>
      ))}
    </List>
  );
}

// The channels the server names, in English, as a case's actor when no person acted.
const CHANNEL_ACTORS: Record<
  string,
  'form' | 'email' | 'chat' | 'statusPage' | 'assignment' | 'sla' | 'triage' | 'routing'
> = {
  'Complaint form': 'form',
  'E-mail': 'email',
  'Live chat': 'chat',
  'Status page': 'statusPage',
  'Sada assignment': 'assignment',
  'Sada SLA': 'sla',
  'Sada triage': 'triage',
  'Sada routing': 'routing',
};

function EventSummary({ event }: { event: CaseEvent }) {
  const { t, i18n } = useTranslation(['case', 'common', 'triage']);
  const userName = useUserNames();
  const channelActor = event.actorUserId === null ? CHANNEL_ACTORS[event.actorLabel] : undefined;
  const actor = `\u2068${channelActor ? t(`timeline.actors.${channelActor}`) : event.actorLabel}\u2069`;
  const changes = event.changes;
  switch (event.type) {
    case 'case.created':
      return <Text size="sm">{t('timeline.created', { actor })}</Text>;
    case 'case.updated':
      return (
        <>
          <Text size="sm">{t('timeline.updated', { actor })}</Text>
          <ChangeList changes={changes} />
        </>
      );
    case 'case.triaged': {
      // The worker notes the warning signs it found first in this text and the priority's reason.
      const signals = Array.isArray(changes.signals) ? (changes.signals as SignalType[]) : [];
      const reason = changes.reason as Partial<Record<'ar' | 'en', string>> | undefined;
      const reasonText = reason?.[i18n.language === 'en' ? 'en' : 'ar'];
      return (
        <>
          <Text size="sm">{t('timeline.triaged')}</Text>
          <ChangeList changes={changes} />
          {signals.length > 0 && (
            <Text size="sm" className={classes.meta}>
              {t('timeline.signals', {
                names: signals
                  .map((signal) => t(`triage:signals.${signal}`, { defaultValue: signal }))
                  .join(t('listSeparator')),
              })}
            </Text>
          )}
          {reasonText && (
            <Text size="sm" className={classes.meta}>
              {t('timeline.reason')}: {reasonText}
            </Text>
          )}
        </>
      );
    }
    case 'case.customer_changed':
      return <Text size="sm">{t('timeline.customerChanged', { actor })}</Text>;
    case 'case.status_changed': {
      const reason = typeof changes.reason === 'string' ? changes.reason : undefined;
      const automatic = reason ? AUTOMATIC_REASONS[reason] : undefined;
      return (
        <>
          <Text size="sm">
            {t(changes.isReopen ? 'timeline.reopened' : 'timeline.statusChanged', { actor })}
          </Text>
          <ChangeList changes={{ status: changes.status }} />
          {reason && (
            <Text size="sm" className={classes.meta}>
              {t('timeline.reason')}:{' '}
              {automatic ? t(`timeline.reasons.${automatic}`) : <UserText>{reason}</UserText>}
            </Text>
          )}
        </>
      );
    }
    case 'case.assigned':
      return (
        <>
          <Text size="sm">{t('timeline.assigned', { actor })}</Text>
          <ChangeList changes={changes} />
        </>
      );
    case 'message.added': {
      const kind =
        changes.direction === 'inbound'
          ? 'inbound'
          : changes.direction === 'note'
            ? 'note'
            : changes.visibility === 'private'
              ? 'private'
              : 'public';
      const mentions = Array.isArray(changes.mentions) ? (changes.mentions as string[]) : [];
      return (
        <>
          <Text size="sm">{t(`timeline.message.${kind}`, { actor })}</Text>
          {mentions.length > 0 && (
            <Text size="sm" className={classes.meta}>
              {t('timeline.mentioned', {
                names: mentions
                  .map((id) => `\u2068${userName(id) ?? t('timeline.unknownUser')}\u2069`)
                  .join(t('listSeparator')),
              })}
            </Text>
          )}
        </>
      );
    }
    case 'message.edited':
    case 'message.deleted':
      return (
        <>
          <Text size="sm">
            {t(event.type === 'message.edited' ? 'timeline.messageEdited' : 'timeline.messageDeleted', {
              actor,
            })}
          </Text>
          <Text size="sm" className={classes.meta} dir="auto">
            {String(changes.body ?? '')}
          </Text>
        </>
      );
    case 'message.moderated':
      return (
        <Text size="sm">
          {t(changes.isHidden === false ? 'timeline.messageUnhidden' : 'timeline.messageHidden', { actor })}
          {typeof changes.reason === 'string' &&
            ` · ${t(`moderation.reasons.${changes.reason as ModerationReason}`)}`}
        </Text>
      );
    case 'case.moved_to_private':
      return <Text size="sm">{t('timeline.movedToPrivate', { actor })}</Text>;
    case 'case.private_accepted':
      return <Text size="sm">{t('timeline.privateAccepted')}</Text>;
    case 'case.routed': {
      const rules = Array.isArray(changes.rules) ? (changes.rules as { name: string }[]) : [];
      const names = rules.map((rule) => `\u2068${rule.name}\u2069`).join(t('listSeparator'));
      return (
        <>
          <Text size="sm">{t('timeline.routed', { names })}</Text>
          <ChangeList changes={changes} />
        </>
      );
    }
    case 'survey.sent':
    case 'survey.answered':
    case 'survey.low_score':
    case 'survey.expired':
      return <SurveyEventSummary type={event.type} changes={changes} />;
    case 'sla.policy_applied':
    case 'sla.warned':
    case 'sla.breached':
    case 'sla.cleared':
      return <SlaEventSummary type={event.type} changes={changes} />;
    case 'plan.step_added':
    case 'plan.step_changed':
    case 'plan.step_overdue':
    case 'plan.customer_updated':
    case 'plan.updates_set':
      return <PlanEventSummary type={event.type} changes={changes} />;
    case 'moderation.queued':
    case 'moderation.decided':
    case 'moderation.undone':
    case 'moderation.message_withheld':
      return <ModerationEventSummary type={event.type} actor={actor} changes={changes} />;
    case 'story.marked':
    case 'story.consent_requested':
    case 'story.consented':
    case 'story.declined':
      return <StoryEventSummary type={event.type} actor={actor} changes={changes} />;
    default:
      return <Text size="sm">{event.type}</Text>;
  }
}

/** The SLA clocks' steps: a policy applies, a clock warns or breaches, an escalation is cleared. */
function SlaEventSummary({ type, changes }: { type: string; changes: Record<string, unknown> }) {
  const { t } = useTranslation(['sla', 'case']);
  const target = (value: unknown) => t(`sla:target.${value as SlaTarget}`, { defaultValue: String(value) });
  switch (type) {
    case 'sla.policy_applied':
      return (
        <Text size="sm">
          {t('sla:timeline.policyApplied', { name: `\u2068${String(changes.policyName)}\u2069` })}
        </Text>
      );
    case 'sla.warned':
      return <Text size="sm">{t('sla:timeline.warned', { target: target(changes.target) })}</Text>;
    case 'sla.breached':
      return <Text size="sm">{t('sla:timeline.breached', { target: target(changes.target) })}</Text>;
    default: {
      const targets = Array.isArray(changes.targets) ? changes.targets.map(target) : [];
      return (
        <Text size="sm">
          {changes.reason === 'no_policy'
            ? t('sla:timeline.clearedNoPolicy')
            : t('sla:timeline.cleared', { targets: targets.join(t('case:listSeparator')) })}
        </Text>
      );
    }
  }
}

/** The case's audit trail, newest first: who did what and when, with each value before and after. */
export function TimelineTab({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation(['case', 'common']);
  const now = useNow();
  if (events.length === 0) return <EmptyState message={t('timeline.none')} />;
  const newestFirst = [...events].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  return (
    <ol className={classes.timeline} aria-label={t('tabs.timeline')} data-testid="timeline">
      {newestFirst.map((event) => (
        <li key={event.id}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <div>
              <EventSummary event={event} />
            </div>
            <Text size="xs" className={classes.meta} style={{ whiteSpace: 'nowrap' }}>
              <RelativeTime value={event.createdAt} now={now} />
            </Text>
          </Group>
        </li>
      ))}
    </ol>
  );
}
