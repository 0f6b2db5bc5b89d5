import { Alert, Button, Group, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import type { createSocialChannelRequest } from '@sada/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldErrorOf } from '../ui/FormError.tsx';
import { AdminForm } from './AdminForm.tsx';
import { useConnectSocialChannel } from './admin-queries.ts';
import { SocialWebhookInfo } from './SocialWebhookInfo.tsx';
import {
  CREDENTIAL_FIELDS,
  isMetaKind,
  SOCIAL_KIND_ORDER,
  type SocialChannel,
  type SocialKind,
} from './social-kinds.ts';

type ConnectRequest = z.input<typeof createSocialChannelRequest>;

/**
 * Connects a social account: the platform, a name, the platform's credentials (secrets typed once,
 * never shown again); then what to hand the platform back, the webhook URL and verify token.
 */
export function SocialConnectForm({ onDone }: { onDone: () => void }) {
  const [connected, setConnected] = useState<SocialChannel | undefined>(undefined);
  if (connected) return <Connected channel={connected} onDone={onDone} />;
  return <ConnectForm onConnected={setConnected} onCancel={onDone} />;
}

function Connected({ channel, onDone }: { channel: SocialChannel; onDone: () => void }) {
  const { t } = useTranslation('channels');
  return (
    <Stack gap="sm" data-testid="social-connected">
      <Alert color="teal" p="xs" role="status">
        {t('social.afterConnect')}
      </Alert>
      <SocialWebhookInfo channel={channel} />
      <Group justify="flex-end">
        <Button onClick={onDone} data-autofocus>
          {t('social.done')}
        </Button>
      </Group>
    </Stack>
  );
}

function ConnectForm({
  onConnected,
  onCancel,
}: {
  onConnected: (channel: SocialChannel) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['channels', 'common']);
  const connect = useConnectSocialChannel();
  const [kind, setKind] = useState<SocialKind>('facebook');
  const [name, setName] = useState('');
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [verifyToken, setVerifyToken] = useState('');
  const [pollMentions, setPollMentions] = useState(false);
  const fields = CREDENTIAL_FIELDS[kind];
  const errorAt = (field: string) => fieldErrorOf(connect.error, field);

  const changeKind = (next: SocialKind) => {
    setKind(next);
    // Each platform names its credentials differently: nothing typed for one is sent to another.
    setCredentials({});
    connect.reset();
  };
  const submit = () => {
    const typed = Object.fromEntries(
      fields.map((field) => [field.name, (credentials[field.name] ?? '').trim()]),
    );
    const request = {
      kind,
      name: name.trim(),
      credentials: typed,
      ...(isMetaKind(kind) && verifyToken.trim() !== '' && { verifyToken: verifyToken.trim() }),
      ...(kind === 'x' && { pollMentions }),
    } as ConnectRequest;
    connect.mutate(request, { onSuccess: onConnected });
  };

  return (
    <AdminForm
      save={{
        isPending: connect.isPending,
        error: connect.error,
        onDone: onCancel,
        submitLabel: t('social.connect'),
      }}
      shownFields={['kind', 'name', 'verifyToken', ...fields.map((field) => `credentials.${field.name}`)]}
      onSubmit={submit}
    >
      <Select
        label={t('social.kind')}
        required
        allowDeselect={false}
        data={SOCIAL_KIND_ORDER.map((value) => ({ value, label: t(`social.kinds.${value}`) }))}
        value={kind}
        onChange={(value) => value && changeKind(value as SocialKind)}
        error={errorAt('kind')}
        data-autofocus
      />
      <TextInput
        label={t('social.name')}
        description={t('social.nameHint')}
        required
        dir="auto"
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={errorAt('name')}
      />
      {fields.map((field) => {
        const props = {
          label: t(`social.fields.${field.name}.label`),
          description: [
            t(`social.fields.${field.name}.hint`),
            field.isSecret ? t('social.secretHint') : '',
          ].join(' '),
          required: true,
          dir: 'ltr',
          autoComplete: field.isSecret ? 'new-password' : 'off',
          value: credentials[field.name] ?? '',
          error: errorAt(`credentials.${field.name}`),
        } as const;
        const onChange = (value: string) => setCredentials({ ...credentials, [field.name]: value });
        return field.isSecret ? (
          <PasswordInput
            key={`${kind}.${field.name}`}
            {...props}
            onChange={(event) => onChange(event.currentTarget.value)}
          />
        ) : (
          <TextInput
            key={`${kind}.${field.name}`}
            {...props}
            inputMode="numeric"
            onChange={(event) => onChange(event.currentTarget.value)}
          />
        );
      })}
      {isMetaKind(kind) && (
        <TextInput
          label={t('social.verifyToken')}
          description={t('social.verifyTokenHint')}
          dir="ltr"
          autoComplete="off"
          value={verifyToken}
          onChange={(event) => setVerifyToken(event.currentTarget.value)}
          error={errorAt('verifyToken')}
        />
      )}
      {kind === 'x' && (
        <Switch
          label={t('social.pollMentions')}
          description={t('social.pollMentionsHint')}
          checked={pollMentions}
          onChange={(event) => setPollMentions(event.currentTarget.checked)}
        />
      )}
    </AdminForm>
  );
}
