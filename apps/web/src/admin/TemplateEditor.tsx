import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  formatReferenceNumber,
  renderTemplate,
  TEMPLATE_VARIABLE_LABELS,
  TEMPLATE_VARIABLES,
  type TemplateVariable,
  templateVariablesFor,
  unknownTemplateVariables,
} from '@sada/core';
import { IconAlertTriangle, IconBraces, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { ConfirmDialog } from './AdminParts.tsx';
import {
  type ReplyTemplate,
  useCreateTemplate,
  useDeleteTemplate,
  useUpdateTemplate,
} from './admin-queries.ts';

type BodyLanguage = 'ar' | 'en';

/** Edits one reply template (or writes a new one): name, Arabic and English bodies, live previews. */
export function TemplateEditor({
  template,
  canWrite,
  onSaved,
  onClosed,
}: {
  template: ReplyTemplate | null;
  canWrite: boolean;
  onSaved: (id: string) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation('admin');
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const remove = useDeleteTemplate();
  const save = template ? update : create;
  const [name, setName] = useState(template?.name ?? '');
  const [bodyAr, setBodyAr] = useState(template?.bodyAr ?? '');
  const [bodyEn, setBodyEn] = useState(template?.bodyEn ?? '');
  const [isDeleteOpen, setIsDeleteOpen] = useState(false);
  const isChanged =
    !template || name !== template.name || bodyAr !== template.bodyAr || bodyEn !== template.bodyEn;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = { name: name.trim(), bodyAr: bodyAr.trim(), bodyEn: bodyEn.trim() };
    const onSuccess = (saved: ReplyTemplate) => {
      notifications.show({ color: 'teal', message: t('templates.saved') });
      onSaved(saved.id);
    };
    if (template) update.mutate({ id: template.id, ...values }, { onSuccess });
    else create.mutate(values, { onSuccess });
  };

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={submit}
        noValidate
        aria-label={template ? t('templates.editLabel') : t('templates.add')}
      >
        <Stack gap="md">
          <TextInput
            label={t('templates.name')}
            description={t('templates.nameHint')}
            required
            dir="auto"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldErrorOf(save.error, 'name')}
            readOnly={!canWrite}
            data-autofocus
          />
          <BodyField
            language="ar"
            value={bodyAr}
            onChange={setBodyAr}
            readOnly={!canWrite}
            serverError={fieldErrorOf(save.error, 'bodyAr')}
          />
          <BodyField
            language="en"
            value={bodyEn}
            onChange={setBodyEn}
            readOnly={!canWrite}
            serverError={fieldErrorOf(save.error, 'bodyEn')}
          />
          {(bodyAr.trim() === '') !== (bodyEn.trim() === '') && (
            <Text size="sm" c="dimmed">
              {bodyAr.trim() === '' ? t('templates.onlyEnglish') : t('templates.onlyArabic')}
            </Text>
          )}
          <FormError error={save.error} shownFields={['name', 'bodyAr', 'bodyEn']} />
          {canWrite && (
            <Group justify="space-between">
              {template ? (
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  onClick={() => setIsDeleteOpen(true)}
                >
                  {t('templates.delete')}
                </Button>
              ) : (
                <Button variant="default" onClick={onClosed}>
                  {t('actions.cancel', { ns: 'common' })}
                </Button>
              )}
              <Button type="submit" loading={save.isPending} disabled={!isChanged}>
                {t('templates.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {template && isDeleteOpen && (
        <ConfirmDialog
          title={t('templates.deleteTitle')}
          question={t('templates.deleteQuestion', { name: `\u2068${template.name}\u2069` })}
          confirmLabel={t('templates.delete')}
          isPending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(template.id, {
              onSuccess: () => {
                setIsDeleteOpen(false);
                onClosed();
              },
            })
          }
          onClose={() => setIsDeleteOpen(false)}
        />
      )}
    </Paper>
  );
}

/** Sample values for the preview, in the body's language, as a customer would read them. */
function useSampleValues(language: BodyLanguage): Record<string, string> {
  const { i18n } = useTranslation();
  const user = useCurrentUser();
  const sample = i18n.getFixedT(language, 'admin');
  return templateVariablesFor({
    customerName: sample('templates.sample.customerName'),
    referenceNumber: formatReferenceNumber(user.workspace.referencePrefix, new Date().getFullYear(), 42),
    subject: sample('templates.sample.subject'),
    agentName: user.name,
    workspaceName: user.workspace.name,
  });
}

function BodyField({
  language,
  value,
  onChange,
  readOnly,
  serverError,
}: {
  language: BodyLanguage;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  serverError: string | undefined;
}) {
  const { t, i18n } = useTranslation('admin');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const samples = useSampleValues(language);
  const unknown = unknownTemplateVariables(value);
  const uiLanguage: BodyLanguage = i18n.language === 'en' ? 'en' : 'ar';
  const label = language === 'ar' ? t('templates.bodyAr') : t('templates.bodyEn');
  const dir = language === 'ar' ? 'rtl' : 'ltr';

  // Puts `{{name}}` where the cursor is (or over the selection) and leaves the cursor after it.
  const insert = (variable: TemplateVariable) => {
    const element = textarea.current;
    const placeholder = `{{${variable}}}`;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + placeholder + value.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + placeholder.length, start + placeholder.length);
    });
  };

  return (
    <Stack gap={6} data-testid={`template-body-${language}`}>
      <Textarea
        ref={textarea}
        label={label}
        lang={language}
        dir={dir}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        autosize
        minRows={4}
        maxRows={14}
        maxLength={10_000}
        readOnly={readOnly}
        error={serverError}
      />
      {!readOnly && (
        <Group gap={4} role="group" aria-label={t('templates.variablesFor', { language: label })}>
          <IconBraces size={14} aria-hidden />
          {TEMPLATE_VARIABLES.map((variable) => (
            <Button
              key={variable}
              size="compact-xs"
              variant="light"
              color="gray"
              radius="xl"
              onClick={() => insert(variable)}
              title={`{{${variable}}}`}
              aria-label={t('templates.insert', { name: TEMPLATE_VARIABLE_LABELS[variable][uiLanguage] })}
            >
              {TEMPLATE_VARIABLE_LABELS[variable][uiLanguage]}
            </Button>
          ))}
        </Group>
      )}
      {unknown.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} role="alert" p="xs">
          <Text size="sm">
            {t('templates.unknownVariables', {
              names: unknown.map((name) => `\u2066{{${name}}}\u2069`).join(t('templates.listSeparator')),
            })}
          </Text>
        </Alert>
      )}
      {value.trim() && (
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            {t('templates.preview')}
          </Text>
          <Paper
            bg="var(--mantine-color-default-hover)"
            p="xs"
            lang={language}
            dir={dir}
            style={{ whiteSpace: 'pre-wrap' }}
            data-testid={`template-preview-${language}`}
          >
            <Text size="sm">{renderTemplate(value, samples).text}</Text>
          </Paper>
        </div>
      )}
    </Stack>
  );
}
