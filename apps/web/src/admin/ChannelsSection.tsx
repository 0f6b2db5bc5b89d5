import { Stack, Text, Title } from '@mantine/core';
import { can } from '@sada/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { arChannels } from '../i18n/ar/channels.ts';
import { enChannels } from '../i18n/en/channels.ts';
import { i18n } from '../i18n/index.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { AcknowledgementCard } from './AcknowledgementCard.tsx';
import { ForbiddenState } from './AdminParts.tsx';
import { useChannelSettings } from './admin-queries.ts';
import { CaptchaCard } from './CaptchaCard.tsx';
import { ChannelLinks } from './ChannelLinks.tsx';
import { ChatSettingsCard } from './ChatSettingsCard.tsx';
import { ComplaintFormCard } from './ComplaintFormCard.tsx';
import { EmailSettingsCard } from './EmailSettingsCard.tsx';
import { MailboxesCard } from './MailboxesCard.tsx';
import { SocialAccountsCard } from './SocialAccountsCard.tsx';

// Like the other admin strings, these travel with the admin pages, outside the initial bundle.
i18n.addResourceBundle('en', 'channels', enChannels);
i18n.addResourceBundle('ar', 'channels', arChannels);

/**
 * The channels the workspace owns: the links and snippets to hand out, the complaint form and its
 * captcha, live chat, e-mail with its IMAP mailboxes, the social accounts, and the acknowledgement.
 * Admins only.
 */
export function ChannelsSection() {
  const me = useCurrentUser();
  // The API answers admins only; anyone else would only see its refusal.
  if (!can(me.role, 'workspace:admin')) return <ForbiddenState />;
  return <ChannelsSettings slug={me.workspace.slug} />;
}

function ChannelsSettings({ slug }: { slug: string }) {
  const { t } = useTranslation('channels');
  const settings = useChannelSettings();
  // Each card starts again from what the server kept once its part is saved (keyed by that part).
  const keyOf = (part: unknown) => JSON.stringify(part);
  return (
    <Stack gap="md" component="section" aria-labelledby="admin-channels-title" maw={960}>
      <div>
        <Title order={2} size="h3" id="admin-channels-title">
          {t('title')}
        </Title>
        <Text size="sm">{t('subtitle')}</Text>
      </div>
      <ChannelLinks slug={slug} />
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <ComplaintFormCard key={keyOf(settings.data.form)} form={settings.data.form} />
          <CaptchaCard key={keyOf(settings.data.captcha)} captcha={settings.data.captcha} />
          <ChatSettingsCard key={keyOf(settings.data.chat)} chat={settings.data.chat} />
          <EmailSettingsCard key={keyOf(settings.data.email)} email={settings.data.email} />
          <MailboxesCard />
          <SocialAccountsCard />
          <AcknowledgementCard
            key={keyOf([
              settings.data.acknowledgement,
              settings.data.expectedResponseHours,
              settings.data.outOfHours,
            ])}
            acknowledgement={settings.data.acknowledgement}
            expectedResponseHours={settings.data.expectedResponseHours}
            outOfHours={settings.data.outOfHours}
          />
        </>
      )}
    </Stack>
  );
}
