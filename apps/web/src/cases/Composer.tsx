import { Alert, Button, Group, Menu, Paper, SegmentedControl, Text, Textarea } from '@mantine/core';
import { useDisclosure, useId } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type Channel, checkReplyLength, renderTemplate } from '@sada/core';
import { IconAt, IconLock, IconSend, IconTemplate, IconWorld } from '@tabler/icons-react';
import { type ReactNode, type Ref, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { useCurrentUser } from '../auth/session.ts';
import classes from './case.module.css';
import type { CaseDetail, WorkspaceUser } from './case-types.ts';
import { LengthCounter } from './LengthCounter.tsx';
import { MentionSuggestions, mentionOptionId } from './MentionSuggestions.tsx';
import { ReplyWindowNotice } from './ReplyWindowNotice.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';
import { ToneCoach } from './ToneCoach.tsx';
import { newIdempotencyKey, useCaseActions } from './useCase.ts';
import { type ComposerMode, useDraft } from './useDraft.ts';
import { useTemplateVariables } from './useTemplateVariables.ts';
import { useUsers } from './useWorkspaceLists.ts';

/** Channels where a reply can be public (a post or comment) or private (a direct message). */
const CHANNELS_WITH_PRIVATE_REPLY: readonly Channel[] = ['x', 'facebook', 'instagram'];
const MAX_MENTION_MATCHES = 8;

/** What the page asks of the composer: focus (keyboard shortcuts), a reply to start from (suggestions, assistant). */
export type ComposerHandle = { focus(kind: 'reply' | 'note'): void; insertReply(text: string): void };

// "@no" right before the caret, at the start or after a space: the agent is mentioning someone.
const MENTION_QUERY = /(^|\s)@([^\s@]{0,30})$/u;

function matchUsers(users: WorkspaceUser[], query: string, myId: string): WorkspaceUser[] {
  const needle = query.toLocaleLowerCase();
  return users
    .filter((user) => user.isActive && user.id !== myId)
    .filter(
      (user) =>
        needle === '' ||
        user.name
          .toLocaleLowerCase()
          .split(/\s+/)
          .some((word) => word.startsWith(needle)) ||
        user.email.toLocaleLowerCase().startsWith(needle),
    )
    .slice(0, MAX_MENTION_MATCHES);
}

/**
 * Writes a public reply, a private reply or an internal note. Templates are previewed filled in
 * before they are inserted; the length is counted the way the case's channel counts it; the draft
 * survives leaving the page; one send is one message, however many times the button is pressed.
 */
export function Composer({
  caseDetail,
  onTyping,
  onSent,
  handleRef,
}: {
  caseDetail: CaseDetail;
  onTyping: () => void;
  onSent: () => void;
  handleRef?: Ref<ComposerHandle>;
}) {
  const { t, i18n } = useTranslation(['case', 'common']);
  const me = useCurrentUser();
  const users = useUsers();
  const reference = caseDetail.referenceNumber;
  const channel = caseDetail.channel as Channel;
  const hasPrivateReply = CHANNELS_WITH_PRIVATE_REPLY.includes(channel);
  // A reply goes where the conversation is: privately once it has moved to private messages.
  const replyMode: ComposerMode =
    hasPrivateReply && caseDetail.conversationScope === 'private' ? 'private' : 'public';
  const { draft, setDraft, clearDraft, wasRestored } = useDraft(reference, replyMode);
  const { addMessage } = useCaseActions(reference);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const sendKey = useRef<string | undefined>(undefined);
  const isSending = useRef(false);
  const [isTemplatesOpen, templatesModal] = useDisclosure(false);
  const [mentionQuery, setMentionQuery] = useState<{ start: number; text: string } | null>(null);
  const [activeMention, setActiveMention] = useState(0);
  const mentionListId = useId();

  const mode: ComposerMode = draft.mode === 'private' && !hasPrivateReply ? 'public' : draft.mode;
  const isNote = mode === 'note';
  const visibility = mode === 'private' ? 'private' : 'public';
  const length = isNote ? undefined : checkReplyLength(draft.body, channel, visibility);
  // A private reply after the platform's window has closed would be refused: only notes go then.
  const isWindowClosed = !isNote && caseDetail.replyWindow?.state === 'closed';
  const canSend = draft.body.trim() !== '' && !length?.isTooLong && !isWindowClosed;
  const channelName = t(`common:channel.${channel}`);

  const mentionMatches = useMemo(
    () => (mentionQuery && isNote ? matchUsers(users.data ?? [], mentionQuery.text, me.id) : []),
    [mentionQuery, isNote, users.data, me.id],
  );
  const isMentionListOpen = mentionMatches.length > 0;
  const activeMentionIndex = Math.min(activeMention, mentionMatches.length - 1);

  useImperativeHandle(handleRef, () => ({
    focus(kind) {
      if (kind === 'note') setDraft({ mode: 'note' });
      else if (draft.mode === 'note') setDraft({ mode: replyMode });
      textareaRef.current?.focus();
    },
    insertReply(text) {
      if (draft.mode === 'note') setDraft({ mode: replyMode });
      insertText(renderTemplate(text, templateVariables).text);
    },
  }));

  const templateVariables = useTemplateVariables(caseDetail);
  const caseLanguage =
    caseDetail.language === 'ar' || caseDetail.language === 'en'
      ? caseDetail.language
      : i18n.language === 'en'
        ? 'en'
        : 'ar';

  const changeBody = (body: string, caret: number) => {
    sendKey.current = undefined;
    if (addMessage.isError) addMessage.reset();
    setDraft({ body });
    onTyping();
    const match = MENTION_QUERY.exec(body.slice(0, caret));
    setMentionQuery(match ? { start: caret - (match[2]?.length ?? 0) - 1, text: match[2] ?? '' } : null);
    setActiveMention(0);
  };

  // Puts text where the caret is (or replaces [from, to]) and moves the caret after it.
  const insertText = (text: string, from?: number, to?: number) => {
    const element = textareaRef.current;
    const start = from ?? element?.selectionStart ?? draft.body.length;
    const end = to ?? element?.selectionEnd ?? start;
    const body = draft.body.slice(0, start) + text + draft.body.slice(end);
    changeBody(body, start + text.length);
    setMentionQuery(null);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const mention = (user: WorkspaceUser, replaceQuery: boolean) => {
    const caret = textareaRef.current?.selectionStart ?? draft.body.length;
    const mentions = draft.mentions.some((item) => item.id === user.id)
      ? draft.mentions
      : [...draft.mentions, { id: user.id, name: user.name }];
    setDraft({ mentions });
    const needsSpaceBefore = !replaceQuery && caret > 0 && !/\s/.test(draft.body[caret - 1] ?? ' ');
    insertText(
      `${needsSpaceBefore ? ' ' : ''}@${user.name} `,
      replaceQuery ? mentionQuery?.start : caret,
      caret,
    );
  };

  // Mentioned users whose @name is still in the note (a deleted mention notifies nobody).
  const mentionedNow = isNote ? draft.mentions.filter((user) => draft.body.includes(`@${user.name}`)) : [];

  const send = () => {
    if (isSending.current || !canSend) return;
    isSending.current = true;
    sendKey.current ??= newIdempotencyKey();
    const sentMode = mode;
    addMessage.mutate(
      {
        type: isNote ? 'note' : 'reply',
        visibility,
        body: draft.body,
        mentions: mentionedNow.map((user) => user.id),
        idempotencyKey: sendKey.current,
      },
      {
        onSuccess: () => {
          sendKey.current = undefined;
          clearDraft();
          setMentionQuery(null);
          onSent();
          notifications.show({
            color: 'teal',
            message: t(sentMode === 'note' ? 'composer.noteAdded' : 'composer.sent'),
          });
        },
        onSettled: () => {
          isSending.current = false;
        },
      },
    );
  };

  // On a platform with both, the public and the private reply each carry their mark: which one goes
  // out must be clear before sending.
  const modeLabel = (icon: ReactNode, label: string) => (
    <Group gap={4} wrap="nowrap" justify="center">
      {icon}
      {label}
    </Group>
  );
  const modes = [
    {
      value: 'public',
      label: hasPrivateReply
        ? modeLabel(<IconWorld size={14} aria-hidden />, t('composer.modes.public'))
        : t('composer.modes.reply'),
    },
    ...(hasPrivateReply
      ? [
          {
            value: 'private',
            label: modeLabel(<IconLock size={14} aria-hidden />, t('composer.modes.private')),
          },
        ]
      : []),
    { value: 'note', label: t('composer.modes.note') },
  ];
  const hint = isNote
    ? t('composer.hints.note')
    : mode === 'private'
      ? t('composer.hints.private', { channel: channelName })
      : hasPrivateReply
        ? t('composer.hints.public', { channel: channelName })
        : t('composer.hints.reply', { channel: channelName });

  return (
    <Paper
      component="form"
      withBorder
      p="sm"
      className={classes.composer}
      data-mode={mode}
      aria-label={t('composer.label')}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Group justify="space-between" gap="xs" mb="xs">
        <SegmentedControl
          aria-label={t('composer.modeLabel')}
          size="xs"
          value={mode}
          onChange={(value) => setDraft({ mode: value as ComposerMode })}
          data={modes}
          data-testid="composer-mode"
        />
        <Group gap="xs">
          {!isNote && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconTemplate size={14} aria-hidden />}
              onClick={templatesModal.open}
            >
              {t('composer.templates')}
            </Button>
          )}
          {isNote && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" size="xs" leftSection={<IconAt size={14} aria-hidden />}>
                  {t('composer.mention')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {matchUsers(users.data ?? [], '', me.id).length === 0 && (
                  <Menu.Label>{t('composer.noTeammates')}</Menu.Label>
                )}
                {(users.data ?? [])
                  .filter((user) => user.isActive && user.id !== me.id)
                  .map((user) => (
                    <Menu.Item key={user.id} onClick={() => mention(user, false)}>
                      <bdi>{user.name}</bdi>
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>

      {!isNote && <ReplyWindowNotice caseDetail={caseDetail} />}
      <Textarea
        ref={textareaRef}
        label={t(`composer.bodyLabel.${mode}`)}
        description={hint}
        placeholder={t(`composer.placeholder.${mode}`)}
        value={draft.body}
        autosize
        minRows={4}
        maxRows={14}
        onChange={(event) => changeBody(event.currentTarget.value, event.currentTarget.selectionStart)}
        onBlur={() => setMentionQuery(null)}
        onKeyDown={(event) => {
          if (isMentionListOpen) {
            const count = mentionMatches.length;
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              setActiveMention((activeMentionIndex + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
              return;
            }
            const picked = mentionMatches[activeMentionIndex];
            if ((event.key === 'Enter' || event.key === 'Tab') && !event.nativeEvent.isComposing && picked) {
              event.preventDefault();
              mention(picked, true);
              return;
            }
            if (event.key === 'Escape') {
              event.preventDefault();
              setMentionQuery(null);
              return;
            }
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send();
          }
        }}
        aria-controls={isMentionListOpen ? mentionListId : undefined}
        aria-activedescendant={
          isMentionListOpen ? mentionOptionId(mentionListId, activeMentionIndex) : undefined
        }
        data-testid="composer-body"
        styles={{ input: { unicodeBidi: 'plaintext' } }}
        dir="auto"
      />
      {mode === 'public' && hasPrivateReply && (
        <Text size="xs" mt={4} c="teal.9" fw={600} data-testid="composer-public-warning">
          <IconWorld size={12} aria-hidden /> {t('composer.publicWarning', { channel: channelName })}
        </Text>
      )}
      {isMentionListOpen && (
        <MentionSuggestions
          listId={mentionListId}
          users={mentionMatches}
          activeIndex={activeMentionIndex}
          onPick={(user) => mention(user, true)}
        />
      )}

      {mentionedNow.length > 0 && (
        <Text size="xs" mt={4} className={classes.meta} data-testid="mentioned">
          {t('composer.willNotify', {
            names: mentionedNow.map((user) => `\u2068${user.name}\u2069`).join(t('listSeparator')),
          })}
        </Text>
      )}

      <Group justify="space-between" mt="xs" gap="xs" wrap="wrap">
        <div>
          {length && <LengthCounter length={length} channelName={channelName} />}
          {wasRestored && draft.body !== '' && (
            <Text size="xs" className={classes.meta}>
              {t('composer.draftRestored')}
            </Text>
          )}
        </div>
        <Group gap="xs">
          {draft.body !== '' && (
            <Button variant="subtle" color="gray" size="sm" onClick={clearDraft}>
              {t('composer.discard')}
            </Button>
          )}
          <Button
            type="submit"
            size="sm"
            color={isNote ? 'yellow.4' : mode === 'private' ? 'indigo.8' : 'teal.9'}
            autoContrast
            leftSection={<IconSend size={16} aria-hidden />}
            disabled={!canSend}
            loading={addMessage.isPending}
            title={t('composer.shortcutHint')}
            data-testid="composer-send"
          >
            {t(`composer.send.${mode}`)}
          </Button>
        </Group>
      </Group>
      <ToneCoach draft={draft.body} reference={reference} visibility={visibility} isEnabled={!isNote} />
      {addMessage.isError && (
        <Alert color="red" mt="xs" role="alert" p="xs" title={t('composer.notSent')}>
          {errorMessage(addMessage.error)}
        </Alert>
      )}

      <TemplatePicker
        opened={isTemplatesOpen}
        onClose={templatesModal.close}
        onInsert={(text) => insertText(text)}
        variables={templateVariables}
        caseLanguage={caseLanguage}
      />
    </Paper>
  );
}
