import { Code, Group, List, NumberInput, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelSettings } from './admin-queries.ts';
import { LocalizedInputs, SettingsCard, useSaveChannelSettings } from './ChannelsParts.tsx';
import { ACKNOWLEDGEMENT_VARIABLES, changedParts, trimmedText } from './channel-settings.ts';
import { type OutOfHours, OutOfHoursFields, trimmedOutOfHours } from './OutOfHoursFields.tsx';

type Acknowledgement = ChannelSettings['acknowledgement'];

/**
 * The e-mail a customer gets as soon as their complaint is opened (subject and body in both
 * languages, with the variables Sada fills in), and the response time customers are promised.
 */
export function AcknowledgementCard({
  acknowledgement,
  expectedResponseHours,
  outOfHours: savedOutOfHours,
}: {
  acknowledgement: Acknowledgement;
  expectedResponseHours: number;
  outOfHours: OutOfHours;
}) {
  const { t } = useTranslation('channels');
  const save = useSaveChannelSettings();
  const [isEnabled, setIsEnabled] = useState(acknowledgement.isEnabled);
  const [subject, setSubject] = useState(acknowledgement.subject);
  const [body, setBody] = useState(acknowledgement.body);
  const [hours, setHours] = useState<number | string>(expectedResponseHours);
  const [outOfHours, setOutOfHours] = useState(savedOutOfHours);

  const changes = changedParts(acknowledgement, {
    isEnabled,
    subject: trimmedText(subject),
    body: trimmedText(body),
  });
  const hoursChange = typeof hours === 'number' && hours !== expectedResponseHours ? hours : undefined;
  const outOfHoursChange =
    JSON.stringify(trimmedOutOfHours(outOfHours)) !== JSON.stringify(savedOutOfHours)
      ? trimmedOutOfHours(outOfHours)
      : undefined;
  const submit = () =>
    save.save({
      ...(Object.keys(changes).length > 0 && { acknowledgement: changes }),
      ...(hoursChange !== undefined && { expectedResponseHours: hoursChange }),
      ...(outOfHoursChange && { outOfHours: outOfHoursChange }),
    });

  return (
    <SettingsCard
      id="channels-acknowledgement"
      title={t('acknowledgement.title')}
      hint={t('acknowledgement.hint')}
      save={save}
      shownFields={['acknowledgement.subject', 'acknowledgement.body', 'expectedResponseHours', 'outOfHours']}
      isChanged={
        Object.keys(changes).length > 0 || hoursChange !== undefined || outOfHoursChange !== undefined
      }
      onSubmit={submit}
    >
      <Switch
        label={t('acknowledgement.isEnabled')}
        checked={isEnabled}
        onChange={(event) => setIsEnabled(event.currentTarget.checked)}
        data-testid="acknowledgement-enabled"
      />
      <LocalizedInputs
        label={t('acknowledgement.subject')}
        value={subject}
        onChange={setSubject}
        path="acknowledgement.subject"
        errorAt={save.errorAt}
        maxLength={300}
      />
      <LocalizedInputs
        label={t('acknowledgement.body')}
        value={body}
        onChange={setBody}
        path="acknowledgement.body"
        errorAt={save.errorAt}
        isMultiline
        maxLength={5000}
      />
      <div>
        <Text size="sm" fw={600}>
          {t('acknowledgement.variables')}
        </Text>
        <List size="sm" spacing={2} data-testid="acknowledgement-variables">
          {ACKNOWLEDGEMENT_VARIABLES.map((variable) => (
            <List.Item key={variable.name}>
              <Group gap={6} wrap="nowrap" component="span">
                <Code dir="ltr">{`{{${variable.name}}}`}</Code>
                <span>{t(`acknowledgement.variableNames.${variable.label}`)}</span>
              </Group>
            </List.Item>
          ))}
        </List>
      </div>
      <NumberInput
        label={t('acknowledgement.expectedResponseHours')}
        description={t('acknowledgement.expectedResponseHoursHint')}
        min={1}
        max={24 * 30}
        allowDecimal={false}
        value={hours}
        onChange={setHours}
        error={save.errorAt('expectedResponseHours')}
        maw={320}
      />
      <OutOfHoursFields value={outOfHours} onChange={setOutOfHours} errorAt={save.errorAt} />
    </SettingsCard>
  );
}
