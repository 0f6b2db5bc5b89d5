import { Button, PasswordInput, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelSettings } from './admin-queries.ts';
import { SettingsCard, useSaveChannelSettings } from './ChannelsParts.tsx';
import { CAPTCHA_PROVIDERS, nullIfBlank } from './channel-settings.ts';

type Captcha = NonNullable<ChannelSettings['captcha']>;
type Provider = Captcha['provider'];

/**
 * The complaint form's captcha: provider, site key, an optional verification address, and a secret
 * key that can be replaced or removed (with the captcha) but is never shown.
 */
export function CaptchaCard({ captcha }: { captcha: ChannelSettings['captcha'] }) {
  const { t } = useTranslation('channels');
  const save = useSaveChannelSettings();
  const [provider, setProvider] = useState<Provider>(captcha?.provider ?? 'turnstile');
  const [siteKey, setSiteKey] = useState(captcha?.siteKey ?? '');
  const [verifyUrl, setVerifyUrl] = useState(captcha?.verifyUrl ?? '');
  const [secret, setSecret] = useState('');

  const isChanged =
    !captcha ||
    provider !== captcha.provider ||
    siteKey.trim() !== captcha.siteKey ||
    nullIfBlank(verifyUrl) !== captcha.verifyUrl ||
    secret !== '';
  const submit = () =>
    save.save(
      {
        captcha: {
          provider,
          siteKey: siteKey.trim(),
          verifyUrl: nullIfBlank(verifyUrl),
          ...(secret !== '' && { secret }),
        },
      },
      undefined,
      () => setSecret(''),
    );

  return (
    <SettingsCard
      id="channels-captcha"
      title={t('captcha.title')}
      hint={t('captcha.hint')}
      save={save}
      shownFields={['captcha.provider', 'captcha.siteKey', 'captcha.verifyUrl', 'captcha.secret']}
      isChanged={isChanged && siteKey.trim() !== ''}
      onSubmit={submit}
      extraActions={
        captcha ? (
          <Button
            variant="subtle"
            color="red"
            c="red.9"
            disabled={save.isPending}
            onClick={() => save.save({ captcha: null }, t('captcha.removed'))}
          >
            {t('captcha.remove')}
          </Button>
        ) : undefined
      }
    >
      {!captcha && (
        <Text size="sm" fw={600} data-testid="captcha-none">
          {t('captcha.none')}
        </Text>
      )}
      <Select
        label={t('captcha.provider')}
        data={CAPTCHA_PROVIDERS.map((value) => ({ value, label: t(`captcha.providers.${value}`) }))}
        value={provider}
        onChange={(value) => value && setProvider(value as Provider)}
        allowDeselect={false}
        error={save.errorAt('captcha.provider')}
      />
      <TextInput
        label={t('captcha.siteKey')}
        required
        dir="ltr"
        autoComplete="off"
        value={siteKey}
        onChange={(event) => setSiteKey(event.currentTarget.value)}
        error={save.errorAt('captcha.siteKey')}
      />
      <TextInput
        label={t('captcha.verifyUrl')}
        description={t('captcha.verifyUrlHint')}
        type="url"
        dir="ltr"
        value={verifyUrl}
        onChange={(event) => setVerifyUrl(event.currentTarget.value)}
        error={save.errorAt('captcha.verifyUrl')}
      />
      <PasswordInput
        label={t('captcha.secret')}
        description={captcha?.hasSecret ? t('captcha.secretStored') : t('captcha.secretNone')}
        dir="ltr"
        autoComplete="off"
        value={secret}
        onChange={(event) => setSecret(event.currentTarget.value)}
        error={save.errorAt('captcha.secret')}
        data-testid="captcha-secret"
      />
    </SettingsCard>
  );
}
