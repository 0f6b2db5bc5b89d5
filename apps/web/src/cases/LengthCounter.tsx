import { Text } from '@mantine/core';
import type { checkReplyLength } from '@sada/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../ui/format.ts';
import classes from './case.module.css';

/**
 * "281 / 280 · X counts a link as 23 and an emoji as 2": the reply measured as its channel measures
 * it. Only going over the limit is announced, not every keystroke.
 */
export function LengthCounter({
  length,
  channelName,
}: {
  length: ReturnType<typeof checkReplyLength>;
  channelName: string;
}) {
  const { t } = useTranslation(['case', 'common']);
  const format = useFormatters();
  return (
    <>
      <Text
        size="xs"
        className={length.isTooLong ? undefined : classes.meta}
        c={length.isTooLong ? 'red.9' : undefined}
        fw={length.isTooLong ? 700 : undefined}
        data-testid="length-counter"
        data-too-long={length.isTooLong || undefined}
      >
        {length.max === null
          ? t('composer.lengthNoLimit', { count: format.number(length.length) })
          : `${t('composer.length', { count: format.number(length.length), max: format.number(length.max) })} · ${t(`composer.limitRules.${length.unit}`, { channel: channelName })}`}
      </Text>
      {length.isTooLong && (
        <Text size="xs" c="red.9" role="alert">
          {t('composer.tooLong', { channel: channelName, over: format.number(-(length.remaining ?? 0)) })}
        </Text>
      )}
    </>
  );
}
