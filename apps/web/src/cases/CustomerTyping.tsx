import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCustomerTyping } from './useCustomerTyping.ts';

/** "The customer is typing…" above the composer of a live-chat case; an empty live region otherwise. */
export function CustomerTyping({ reference }: { reference: string }) {
  const { t } = useTranslation('case');
  const isTyping = useCustomerTyping(reference);
  return (
    <output aria-live="polite" data-testid="customer-typing" style={{ display: 'block', minHeight: 24 }}>
      {isTyping && (
        <Group gap={6} wrap="nowrap">
          <Loader type="dots" size="xs" aria-hidden />
          <Text size="sm" c="gray.7">
            {t('chat.customerTyping')}
          </Text>
        </Group>
      )}
    </output>
  );
}
