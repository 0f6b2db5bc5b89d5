import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { STORY_STATUSES, type StoryStatus } from '@sada/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ForbiddenState } from '../admin/AdminParts.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { downloadBlob, svgToPng } from '../ui/download.ts';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import {
  exportHref,
  type StoryItem,
  useRequestConsent,
  useStories,
  useUpdateStory,
  useWithdrawConsent,
} from './story-queries.ts';

const STATUS_COLOURS: Record<StoryStatus, string> = {
  candidate: 'gray',
  consent_requested: 'blue',
  consented: 'teal',
  declined: 'red',
};

/** Supervisors' and admins' success stories: the list by status and the editor of the chosen one. */
export function StoriesPage() {
  const { t } = useTranslation('stories');
  const role = useCurrentUser().role;
  const canManage = role === 'admin' || role === 'supervisor';
  const [status, setStatus] = useState<StoryStatus | null>(null);
  const [search, setSearch] = useSearchParams();
  const stories = useStories(status, { enabled: canManage });
  if (!canManage) return <ForbiddenState />;
  const selectedId = search.get('story');
  const selected = stories.data?.items.find((item) => item.id === selectedId);
  return (
    <Stack p="md" gap="md" component="section" aria-labelledby="stories-title" maw={1200}>
      <div>
        <Title order={1} size="h2" id="stories-title">
          {t('page.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('page.subtitle')}
        </Text>
      </div>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="stories-status-filter">
          {t('page.status')}
        </Text>
        <SegmentedControl
          aria-labelledby="stories-status-filter"
          value={status ?? 'all'}
          onChange={(value) => setStatus(value === 'all' ? null : (value as StoryStatus))}
          data={[
            { value: 'all', label: t('statusFilter.all') },
            ...STORY_STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
          ]}
        />
      </Stack>
      {stories.isPending ? (
        <LoadingState />
      ) : stories.isError ? (
        <ErrorState error={stories.error} onRetry={() => void stories.refetch()} />
      ) : stories.data.items.length === 0 ? (
        <EmptyState message={t('page.empty')} />
      ) : (
        <Group align="flex-start" gap="md" wrap="wrap">
          <Stack
            component="ul"
            aria-label={t('page.list')}
            gap="xs"
            p={0}
            m={0}
            w={320}
            style={{ listStyle: 'none' }}
          >
            {stories.data.items.map((item) => (
              <li key={item.id}>
                <UnstyledButton
                  w="100%"
                  aria-current={item.id === selectedId ? 'true' : undefined}
                  onClick={() => setSearch({ story: item.id })}
                  data-testid="story-row"
                >
                  <Paper
                    withBorder
                    p="xs"
                    bg={item.id === selectedId ? 'var(--mantine-color-blue-light)' : undefined}
                  >
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm" fw={600} dir="ltr">
                        {item.referenceNumber}
                      </Text>
                      <Badge color={STATUS_COLOURS[item.status]} variant="light">
                        {t(`status.${item.status}`)}
                      </Badge>
                    </Group>
                    <Text size="sm" lineClamp={2} dir="auto">
                      {item.preview.customerWords || item.preview.problem}
                    </Text>
                  </Paper>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
          <div style={{ flex: 1, minWidth: 320 }}>
            {selected ? (
              <StoryEditor key={selected.id} story={selected} />
            ) : (
              <Text c="dimmed">{t('page.select')}</Text>
            )}
          </div>
        </Group>
      )}
    </Stack>
  );
}

/** The text fields, the anonymity switch, the preview as it would be shared, and what can be done next. */
function StoryEditor({ story }: { story: StoryItem }) {
  const { t } = useTranslation('stories');
  const format = useFormatters();
  const update = useUpdateStory();
  const [draft, setDraft] = useState({
    problem: story.problem,
    resolution: story.resolution,
    customerWords: story.customerWords,
    isAnonymous: story.isAnonymous,
  });
  useEffect(() => {
    setDraft({
      problem: story.problem,
      resolution: story.resolution,
      customerWords: story.customerWords,
      isAnonymous: story.isAnonymous,
    });
  }, [story.problem, story.resolution, story.customerWords, story.isAnonymous]);
  const isLocked = story.status === 'consented' || story.status === 'declined';
  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { id: story.id, input: draft },
      { onSuccess: () => notifications.show({ message: t('editor.saved') }) },
    );
  };
  return (
    <Stack gap="md" component="section" aria-labelledby="story-editor-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="story-editor-title">
          {t('editor.title', { reference: story.referenceNumber })}
        </Title>
        <Group gap="xs">
          {story.rating !== null && (
            <Badge variant="light">{t('editor.rating', { rating: story.rating })}</Badge>
          )}
          <Anchor component={Link} to={`/cases/${story.referenceNumber}`} size="sm">
            {t('editor.openCase', { reference: story.referenceNumber })}
          </Anchor>
        </Group>
      </Group>
      <form onSubmit={save}>
        <Stack gap="sm">
          {isLocked && <Text size="sm">{t('editor.locked')}</Text>}
          <Textarea
            label={t('editor.problem')}
            autosize
            minRows={2}
            maxLength={2000}
            styles={{ input: { unicodeBidi: 'plaintext' } }}
            disabled={isLocked}
            value={draft.problem}
            onChange={(event) => setDraft({ ...draft, problem: event.currentTarget.value })}
          />
          <Textarea
            label={t('editor.resolution')}
            autosize
            minRows={2}
            maxLength={2000}
            styles={{ input: { unicodeBidi: 'plaintext' } }}
            disabled={isLocked}
            value={draft.resolution}
            onChange={(event) => setDraft({ ...draft, resolution: event.currentTarget.value })}
          />
          <Textarea
            label={t('editor.customerWords')}
            autosize
            minRows={2}
            maxLength={1000}
            styles={{ input: { unicodeBidi: 'plaintext' } }}
            disabled={isLocked}
            value={draft.customerWords}
            onChange={(event) => setDraft({ ...draft, customerWords: event.currentTarget.value })}
          />
          <Switch
            label={t('editor.isAnonymous')}
            description={t('editor.isAnonymousHint')}
            disabled={isLocked}
            checked={draft.isAnonymous}
            onChange={(event) => setDraft({ ...draft, isAnonymous: event.currentTarget.checked })}
          />
          <FormError
            error={update.error}
            shownFields={['body.problem', 'body.resolution', 'body.customerWords']}
          />
          {!isLocked && (
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('editor.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <Paper
        withBorder
        p="sm"
        component="section"
        aria-labelledby="story-preview-title"
        data-testid="story-preview"
      >
        <Title order={3} size="h5" id="story-preview-title" mb="xs">
          {t('editor.preview')}
        </Title>
        <Stack gap="xs">
          <PreviewPart label={t('editor.problem')} text={story.preview.problem} />
          <PreviewPart label={t('editor.resolution')} text={story.preview.resolution} />
          <PreviewPart label={t('editor.customerWords')} text={story.preview.customerWords} isQuote />
        </Stack>
      </Paper>
      <Text size="sm" c="dimmed">
        {story.consentAt
          ? t('editor.consentAt', {
              date: format.dateTime(story.consentAt),
              via: story.consentVia ? t(`editor.via.${story.consentVia}`) : '',
            })
          : story.consentRequestedAt
            ? t('editor.askedAt', { date: format.dateTime(story.consentRequestedAt) })
            : null}
      </Text>
      <StoryActions story={story} />
    </Stack>
  );
}

function PreviewPart({ label, text, isQuote = false }: { label: string; text: string; isQuote?: boolean }) {
  if (!text) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text
        size="sm"
        dir="auto"
        component={isQuote ? 'blockquote' : 'p'}
        m={0}
        style={{ whiteSpace: 'pre-wrap' }}
      >
        {text}
      </Text>
    </div>
  );
}

/** Ask the customer, record a withdrawal, export a consented story. */
function StoryActions({ story }: { story: StoryItem }) {
  const { t } = useTranslation('stories');
  const ask = useRequestConsent();
  const withdraw = useWithdrawConsent();
  const [reason, setReason] = useState('');
  const canAsk = story.status === 'candidate' || story.status === 'consent_requested';
  const canWithdraw = story.status === 'consented' || story.status === 'consent_requested';
  return (
    <Stack gap="sm">
      {canAsk && (
        <Group>
          <Button
            variant="light"
            loading={ask.isPending}
            onClick={() =>
              ask.mutate(story.id, { onSuccess: () => notifications.show({ message: t('editor.asked') }) })
            }
          >
            {t('editor.ask')}
          </Button>
        </Group>
      )}
      <FormError error={ask.error} />
      {story.status === 'consented' && (
        <Group gap="xs" role="group" aria-label={t('editor.exports')}>
          {(['ar', 'en'] as const).map((lang) => (
            <Button
              key={`md-${lang}`}
              component="a"
              variant="default"
              size="xs"
              href={exportHref(story.id, 'story.md', lang)}
              download
            >
              {t('editor.exportMarkdown', { lang: t(`languages.${lang}`) })}
            </Button>
          ))}
          {(['ar', 'en'] as const).map((lang) => (
            <Button
              key={`svg-${lang}`}
              component="a"
              variant="default"
              size="xs"
              href={exportHref(story.id, 'card.svg', lang)}
              target="_blank"
              rel="noopener"
            >
              {t('editor.exportCard', { lang: t(`languages.${lang}`) })}
            </Button>
          ))}
          {(['ar', 'en'] as const).map((lang) => (
            <PngCardButton key={`png-${lang}`} storyId={story.id} lang={lang} />
          ))}
        </Group>
      )}
      {canWithdraw && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            withdraw.mutate(
              { id: story.id, reason },
              { onSuccess: () => notifications.show({ message: t('editor.withdrawn') }) },
            );
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('editor.withdrawReason')}
              description={t('editor.withdraw')}
              maxLength={500}
              styles={{ input: { unicodeBidi: 'plaintext' } }}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <FormError error={withdraw.error} shownFields={[]} />
            <Group>
              <Button
                type="submit"
                variant="outline"
                color="red"
                loading={withdraw.isPending}
                disabled={!reason.trim()}
              >
                {t('editor.withdrawConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** The story card as a PNG (what X, Facebook and Instagram take), drawn from the SVG in the browser. */
function PngCardButton({ storyId, lang }: { storyId: string; lang: 'ar' | 'en' }) {
  const { t } = useTranslation('stories');
  const [isMaking, setMaking] = useState(false);
  const make = async () => {
    setMaking(true);
    try {
      const response = await fetch(exportHref(storyId, 'card.svg', lang), { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      downloadBlob(`story-${lang}.png`, await svgToPng(await response.text()));
    } catch (error) {
      notifications.show({
        color: 'red',
        message: t('editor.pngFailed', { reason: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setMaking(false);
    }
  };
  return (
    <Button variant="default" size="xs" loading={isMaking} onClick={() => void make()}>
      {t('editor.exportPng', { lang: t(`languages.${lang}`) })}
    </Button>
  );
}
