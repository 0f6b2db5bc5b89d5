import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { renderTemplate, TEMPLATE_VARIABLE_LABELS, type TemplateVariable } from '@sada/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import classes from './case.module.css';
import { useTemplates } from './useWorkspaceLists.ts';

type TemplateLanguage = 'ar' | 'en';

/**
 * Chooses a reply template and shows it filled with this case's values before it goes into the
 * composer. The Arabic or English text follows the case's language; a switch picks the other.
 */
export function TemplatePicker({
  opened,
  onClose,
  onInsert,
  variables,
  caseLanguage,
}: {
  opened: boolean;
  onClose: () => void;
  onInsert: (text: string) => void;
  variables: Record<string, string>;
  caseLanguage: TemplateLanguage;
}) {
  const { t, i18n } = useTranslation(['case', 'common']);
  const templates = useTemplates();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [language, setLanguage] = useState<TemplateLanguage>(caseLanguage);
  const template = templates.data?.find((item) => item.id === templateId);

  useEffect(() => {
    if (opened) setLanguage(caseLanguage);
  }, [opened, caseLanguage]);

  // A template written in one language only offers that one.
  const bodyIn = (chosen: TemplateLanguage) => (chosen === 'ar' ? template?.bodyAr : template?.bodyEn) ?? '';
  const shownLanguage =
    bodyIn(language) === '' && bodyIn(language === 'ar' ? 'en' : 'ar') !== ''
      ? language === 'ar'
        ? 'en'
        : 'ar'
      : language;
  const rendered = template ? renderTemplate(bodyIn(shownLanguage), variables) : undefined;
  const labelOf = (name: string) =>
    TEMPLATE_VARIABLE_LABELS[name as TemplateVariable]?.[i18n.language === 'en' ? 'en' : 'ar'] ?? name;

  const close = () => {
    setTemplateId(null);
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('templates.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {templates.isPending ? (
        <LoadingState />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : templates.data.length === 0 ? (
        <Text>{t('templates.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Select
            label={t('templates.choose')}
            placeholder={t('templates.search')}
            searchable
            data={templates.data.map((item) => ({ value: item.id, label: item.name }))}
            value={templateId}
            onChange={setTemplateId}
            nothingFoundMessage={t('templates.noMatch')}
            comboboxProps={{ withinPortal: false }}
            data-autofocus
          />
          {template && rendered && (
            <>
              <SegmentedControl
                aria-label={t('templates.language')}
                size="xs"
                value={shownLanguage}
                onChange={(value) => setLanguage(value as TemplateLanguage)}
                data={(['ar', 'en'] as const).map((value) => ({
                  value,
                  label: t(`common:languages.${value}`),
                  disabled: bodyIn(value) === '',
                }))}
              />
              <div data-testid="template-preview">
                <Text size="sm" fw={600}>
                  {t('templates.preview')}
                </Text>
                <UserText block className={classes.preview}>
                  {rendered.text}
                </UserText>
              </div>
              {rendered.missing.length > 0 && (
                <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} p="xs">
                  {t('templates.missing', { names: rendered.missing.map(labelOf).join(t('listSeparator')) })}
                </Alert>
              )}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              disabled={!rendered}
              onClick={() => {
                if (!rendered) return;
                onInsert(rendered.text);
                close();
              }}
            >
              {t('templates.insert')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
