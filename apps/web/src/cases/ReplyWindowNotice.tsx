import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconClockExclamation, IconPlus, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { useFormatters } from '../ui/format.ts';
import type { CaseDetail } from './case-types.ts';
import { newIdempotencyKey, useCaseActions } from './useCase.ts';

/**
 * Where a private social conversation's reply window stands, shown above the composer once it
 * matters: within Messenger's 7-day human-agent window, or closed (then, on WhatsApp, an approved
 * template is offered instead).
 */
export function ReplyWindowNotice({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation(['case', 'common']);
  const format = useFormatters();
  const [isTemplateOpen, templateModal] = useDisclosure(false);
  const window = caseDetail.replyWindow;
  if (!window || window.state === 'open') return null;
  const channel = t(`common:channel.${caseDetail.channel}`);
  if (window.state === 'extended') {
    return (
      <Alert
        color="yellow"
        p="xs"
        mb="xs"
        icon={<IconClockExclamation size={16} />}
        data-testid="reply-window"
      >
        {t('replyWindow.extended', {
          channel,
          closesAt: window.closesAt ? format.dateTime(String(window.closesAt)) : '',
        })}
      </Alert>
    );
  }
  return (
    <Alert
      color="orange"
      p="xs"
      mb="xs"
      icon={<IconClockExclamation size={16} />}
      title={t('replyWindow.closedTitle', { channel })}
      data-testid="reply-window"
    >
      {window.closesAt ? t('replyWindow.closed', { channel }) : t('replyWindow.neverWrote', { channel })}
      {window.canSendTemplate && (
        <Group mt="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconTemplate size={14} aria-hidden />}
            onClick={templateModal.open}
          >
            {t('replyWindow.sendTemplate')}
          </Button>
        </Group>
      )}
      {isTemplateOpen && (
        <TemplateMessageModal reference={caseDetail.referenceNumber} onClose={templateModal.close} />
      )}
    </Alert>
  );
}

/** Names an approved WhatsApp template, its language and its body parameters, and sends it. */
function TemplateMessageModal({ reference, onClose }: { reference: string; onClose: () => void }) {
  const { t } = useTranslation('case');
  const { sendTemplate } = useCaseActions(reference);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('ar');
  // Each parameter keeps an id of its own: removing one must not shift the others' inputs.
  const [parameters, setParameters] = useState<{ id: number; value: string }[]>([]);
  const nextId = useRef(0);
  const sendKey = useRef(newIdempotencyKey());
  const send = () =>
    sendTemplate.mutate(
      {
        name: name.trim(),
        language: language.trim(),
        parameters: parameters.map((item) => item.value.trim()).filter((value) => value !== ''),
        idempotencyKey: sendKey.current,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('replyWindow.templateSent') });
          onClose();
        },
      },
    );
  return (
    <DialogFrame opened onClose={onClose} title={t('replyWindow.templateTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('replyWindow.templateName')}
            description={t('replyWindow.templateNameHint')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            dir="ltr"
            required
            data-testid="template-name"
          />
          <TextInput
            label={t('replyWindow.templateLanguage')}
            value={language}
            onChange={(event) => setLanguage(event.currentTarget.value)}
            dir="ltr"
            required
          />
          {parameters.map((item, index) => (
            <Group key={item.id} gap="xs" align="end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('replyWindow.parameter', { number: index + 1 })}
                value={item.value}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setParameters(
                    parameters.map((other) => (other.id === item.id ? { ...other, value } : other)),
                  );
                }}
                dir="auto"
              />
              <Button
                variant="subtle"
                color="gray"
                aria-label={t('replyWindow.removeParameter', { number: index + 1 })}
                onClick={() => setParameters(parameters.filter((other) => other.id !== item.id))}
              >
                <IconTrash size={16} aria-hidden />
              </Button>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setParameters([...parameters, { id: nextId.current++, value: '' }])}
              disabled={parameters.length >= 20}
            >
              {t('replyWindow.addParameter')}
            </Button>
          </Group>
          {sendTemplate.isError && (
            <Alert color="red" role="alert" p="xs">
              {errorMessage(sendTemplate.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={sendTemplate.isPending} disabled={name.trim() === ''}>
              {t('replyWindow.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DialogFrame>
  );
}
