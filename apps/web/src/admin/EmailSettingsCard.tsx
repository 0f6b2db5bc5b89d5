import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelSettings } from './admin-queries.ts';
import { LocalizedInputs, SettingsCard, useSaveChannelSettings } from './ChannelsParts.tsx';
import { changedParts, nullIfBlank, trimmedText } from './channel-settings.ts';

type EmailSettings = ChannelSettings['email'];

/** Where the workspace's mail comes in (its own domain) and whom replies come from. */
export function EmailSettingsCard({ email }: { email: EmailSettings }) {
  const { t } = useTranslation('channels');
  const save = useSaveChannelSettings();
  const [inboundDomain, setInboundDomain] = useState(email.inboundDomain ?? '');
  const [fromAddress, setFromAddress] = useState(email.fromAddress ?? '');
  const [fromName, setFromName] = useState(email.fromName);

  const changes = changedParts(email, {
    inboundDomain: nullIfBlank(inboundDomain)?.toLowerCase() ?? null,
    fromAddress: nullIfBlank(fromAddress),
    fromName: trimmedText(fromName),
  });
  return (
    <SettingsCard
      id="channels-email"
      title={t('email.title')}
      hint={t('email.hint')}
      save={save}
      shownFields={['email.inboundDomain', 'email.fromAddress', 'email.fromName']}
      isChanged={Object.keys(changes).length > 0}
      onSubmit={() => save.save({ email: changes })}
    >
      <TextInput
        label={t('email.inboundDomain')}
        description={t('email.inboundDomainHint')}
        dir="ltr"
        placeholder="support.example.com"
        value={inboundDomain}
        onChange={(event) => setInboundDomain(event.currentTarget.value)}
        error={save.errorAt('email.inboundDomain')}
      />
      <TextInput
        label={t('email.fromAddress')}
        description={t('email.fromAddressHint')}
        type="email"
        dir="ltr"
        placeholder="care@example.com"
        value={fromAddress}
        onChange={(event) => setFromAddress(event.currentTarget.value)}
        error={save.errorAt('email.fromAddress')}
      />
      <LocalizedInputs
        label={t('email.fromName')}
        value={fromName}
        onChange={setFromName}
        path="email.fromName"
        errorAt={save.errorAt}
        maxLength={200}
      />
    </SettingsCard>
  );
}
