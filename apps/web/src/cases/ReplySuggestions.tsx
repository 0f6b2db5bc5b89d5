import { Text, UnstyledButton } from '@mantine/core';
import { renderTemplate } from '@sada/core';
import { IconBulb } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from './case-types.ts';
import classes from './triage.module.css';
import { useReplySuggestions } from './triage-queries.ts';
import { useTemplateVariables } from './useTemplateVariables.ts';

/**
 * Up to three replies to start from, near the composer: templates and the answers of resolved cases
 * most like this one. A click puts the reply into the draft, for the agent to make it fit.
 */
export function ReplySuggestions({
  caseDetail,
  onPick,
}: {
  caseDetail: CaseDetail;
  onPick: (body: string) => void;
}) {
  const { t } = useTranslation('triage');
  const titleId = useId();
  const suggestions = useReplySuggestions(caseDetail.referenceNumber, true);
  // Previewed as they will be inserted: filled in for this case.
  const variables = useTemplateVariables(caseDetail);
  const items = (suggestions.data ?? []).slice(0, 3);
  // Suggestions are a help, not a part of the page: nothing to show is shown as nothing.
  if (items.length === 0) return null;
  return (
    <section className={classes.suggestions} aria-labelledby={titleId} data-testid="reply-suggestions">
      <Text size="sm" fw={600} id={titleId} className={classes.suggestionsTitle}>
        <IconBulb size={16} aria-hidden />
        {t('suggestions.title')}
      </Text>
      <ul className={classes.suggestionList}>
        {items.map((item) => (
          <li key={`${item.source}-${item.id}`}>
            <UnstyledButton
              className={classes.suggestion}
              onClick={() => onPick(item.body)}
              data-testid="reply-suggestion"
              data-source={item.source}
            >
              <Text size="xs" fw={700} className={classes.suggestionSource}>
                {item.source === 'template'
                  ? t('suggestions.fromTemplate')
                  : t('suggestions.fromCase', { reference: item.title })}
              </Text>
              {item.source === 'template' && (
                <Text size="sm" fw={600} lineClamp={1}>
                  <bdi>{item.title}</bdi>
                </Text>
              )}
              <Text size="xs" lineClamp={2} dir="auto" className={classes.suggestionBody}>
                {renderTemplate(item.body, variables).text}
              </Text>
            </UnstyledButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
