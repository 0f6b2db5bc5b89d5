import { ColorInput, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelSettings } from './admin-queries.ts';
import { LocalizedInputs, SettingsCard, useSaveChannelSettings } from './ChannelsParts.tsx';
import { changedParts, trimmedText } from './channel-settings.ts';

type ChatSettings = ChannelSettings['chat'];

/** The live-chat widget: offered or not, its greeting in both languages, and its accent colour. */
export function ChatSettingsCard({ chat }: { chat: ChatSettings }) {
  const { t } = useTranslation('channels');
  const save = useSaveChannelSettings();
  const [isEnabled, setIsEnabled] = useState(chat.isEnabled);
  const [greeting, setGreeting] = useState(chat.greeting);
  const [accentColor, setAccentColor] = useState(chat.accentColor);

  const changes = changedParts(chat, {
    isEnabled,
    greeting: trimmedText(greeting),
    accentColor: accentColor.trim().toLowerCase(),
  });
  return (
    <SettingsCard
      id="channels-chat"
      title={t('chat.title')}
      hint={t('chat.hint')}
      save={save}
      shownFields={['chat.greeting', 'chat.accentColor']}
      isChanged={Object.keys(changes).length > 0}
      onSubmit={() => save.save({ chat: changes })}
    >
      <Switch
        label={t('chat.isEnabled')}
        checked={isEnabled}
        onChange={(event) => setIsEnabled(event.currentTarget.checked)}
        data-testid="chat-enabled"
      />
      <LocalizedInputs
        label={t('chat.greeting')}
        value={greeting}
        onChange={setGreeting}
        path="chat.greeting"
        errorAt={save.errorAt}
        isMultiline
        maxLength={500}
      />
      <ColorInput
        label={t('chat.accentColor')}
        description={t('chat.accentColorHint')}
        format="hex"
        eyeDropperButtonProps={{ 'aria-label': t('chat.pickColor') }}
        dir="ltr"
        value={accentColor}
        onChange={setAccentColor}
        error={save.errorAt('chat.accentColor')}
        maw={240}
      />
    </SettingsCard>
  );
}
