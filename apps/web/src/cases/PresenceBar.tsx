import { Alert } from '@mantine/core';
import type { PresenceViewer } from '@sada/contracts';
import { IconEye, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/index.ts';

/** "Noura is typing a reply" / "Omar is also viewing this case": a warning before two answers collide. */
export function PresenceBar({ viewers }: { viewers: PresenceViewer[] }) {
  const { t, i18n } = useTranslation(['case', 'common']);
  const list = new Intl.ListFormat(localeOf(i18n.language), { type: 'conjunction' });
  // Each name isolated (FSI…PDI), so an Arabic name keeps its order inside an English sentence.
  const namesOf = (state: PresenceViewer['state']) =>
    list.format(
      viewers.filter((viewer) => viewer.state === state).map((viewer) => `\u2068${viewer.name}\u2069`),
    );
  const typing = namesOf('typing');
  const viewing = namesOf('viewing');
  return (
    <output aria-live="polite" data-testid="presence" style={{ display: 'block' }}>
      {typing && (
        <Alert color="orange" variant="light" icon={<IconPencil aria-hidden />} p="xs" mb={4}>
          {t('presence.typing', { names: typing })}
        </Alert>
      )}
      {viewing && (
        <Alert color="yellow" variant="light" icon={<IconEye aria-hidden />} p="xs">
          {t('presence.viewing', { names: viewing })}
        </Alert>
      )}
    </output>
  );
}
