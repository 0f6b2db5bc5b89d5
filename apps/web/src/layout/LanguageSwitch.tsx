import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { sessionQueryKey, useSession } from '../auth/session.ts';
import { applyLanguage, UI_LANGUAGES, type UiLanguage } from '../i18n/index.ts';

/** Arabic / English switch; a signed-in user's choice is saved on their account too. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const change = async (value: string) => {
    const language = value as UiLanguage;
    await applyLanguage(language, { remember: true });
    if (session.data) {
      // Older servers without PATCH /api/me simply keep the choice on this device.
      await api.patch('/api/me', { language }).catch(() => undefined);
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    }
  };
  return (
    <SegmentedControl
      aria-label={t('user.language')}
      size="xs"
      value={i18n.language}
      onChange={(value) => void change(value)}
      data={UI_LANGUAGES.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
    />
  );
}
