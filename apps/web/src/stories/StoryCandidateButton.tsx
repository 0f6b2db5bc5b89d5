import { Anchor, Button, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { FormError } from '../ui/FormError.tsx';
import { useMarkStory, useStoryCandidacy } from './story-queries.ts';

/** On the case page: "Success story candidate" when the case qualifies, or a link to its story. */
export function StoryCandidateButton({ reference }: { reference: string }) {
  const { t } = useTranslation('stories');
  const role = useCurrentUser().role;
  const canManage = role === 'admin' || role === 'supervisor';
  const candidacy = useStoryCandidacy(reference, { enabled: canManage });
  const mark = useMarkStory();
  const data = candidacy.data;
  if (!canManage || !data || (!data.canMark && !data.story)) return null;
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="case-story-title"
      data-testid="story-candidate"
    >
      <Title order={2} size="h5" id="case-story-title" mb="xs">
        {t('candidate.title')}
      </Title>
      {data.story ? (
        <Text size="sm">
          {t(`status.${data.story.status}`)} ·{' '}
          <Anchor component={Link} to={`/stories?story=${data.story.id}`}>
            {t('candidate.open')}
          </Anchor>
        </Text>
      ) : (
        <>
          <Button
            size="xs"
            variant="light"
            loading={mark.isPending}
            onClick={() =>
              mark.mutate(reference, {
                onSuccess: () => notifications.show({ message: t('candidate.marked') }),
              })
            }
          >
            {t('candidate.mark')}
          </Button>
          <FormError error={mark.error} />
        </>
      )}
    </Paper>
  );
}
