import { Button, Menu } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * "Correct" beside a triage field: a menu of the other values, and picking one saves it at once.
 * A person's value is kept for good (triage leaves it alone) and teaches the model.
 */
export function TriageCorrectMenu({
  field,
  options,
  current,
  onPick,
  isSaving,
}: {
  field: 'kind' | 'category' | 'sentiment' | 'language';
  options: { value: string; label: string }[];
  current: string | null;
  onPick: (value: string) => void;
  isSaving: boolean;
}) {
  const { t } = useTranslation('triage');
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          size="compact-xs"
          color="gray"
          c="gray.9"
          leftSection={<IconPencil size={12} aria-hidden />}
          aria-label={t(`panel.correctField.${field}`)}
          loading={isSaving}
        >
          {t('panel.correct')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
        <Menu.Label>{t(`panel.correctTo.${field}`)}</Menu.Label>
        {options
          .filter((option) => option.value !== current)
          .map((option) => (
            <Menu.Item key={option.value} onClick={() => onPick(option.value)}>
              <bdi>{option.label}</bdi>
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
