import { Code, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelSettings } from '../admin-queries.ts';
import { LocalizedInputs, SettingsCard, useSaveChannelSettings } from '../ChannelsParts.tsx';
import { changedParts, trimmedText } from '../channel-settings.ts';

const NOTICE_VARIABLES = [
  'case.reference',
  'team.name',
  'case.expected_response',
  'customer.first_name',
  'case.subject',
  'workspace.name',
];

/** The message a customer gets when their case reaches a team (stored with the channel settings). */
export function RoutingNoticeCard({ notice }: { notice: ChannelSettings['routingNotice'] }) {
  const { t } = useTranslation('routing');
  const save = useSaveChannelSettings();
  const [isEnabled, setIsEnabled] = useState(notice.isEnabled);
  const [subject, setSubject] = useState(notice.subject);
  const [body, setBody] = useState(notice.body);
  const changes = changedParts(notice, { isEnabled, subject: trimmedText(subject), body: trimmedText(body) });

  return (
    <SettingsCard
      id="routing-notice"
      title={t('notice.title')}
      hint={t('notice.hint')}
      save={save}
      shownFields={['routingNotice.subject', 'routingNotice.body']}
      isChanged={Object.keys(changes).length > 0}
      onSubmit={() => save.save({ routingNotice: changes }, t('notice.saved'))}
    >
      <Switch
        label={t('notice.isEnabled')}
        checked={isEnabled}
        onChange={(event) => setIsEnabled(event.currentTarget.checked)}
      />
      <LocalizedInputs
        label={t('notice.subject')}
        value={subject}
        onChange={setSubject}
        path="routingNotice.subject"
        errorAt={save.errorAt}
        maxLength={300}
      />
      <LocalizedInputs
        label={t('notice.body')}
        value={body}
        onChange={setBody}
        path="routingNotice.body"
        errorAt={save.errorAt}
        isMultiline
        maxLength={5000}
      />
      <Text size="sm">
        {t('notice.variables', { variables: '' })}
        {NOTICE_VARIABLES.map((variable) => (
          <Code key={variable} dir="ltr" mx={2}>{`{{${variable}}}`}</Code>
        ))}
      </Text>
    </SettingsCard>
  );
}
