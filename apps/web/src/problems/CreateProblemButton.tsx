import { Button } from '@mantine/core';
import { can } from '@sada/core';
import { IconBulb } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { CreateProblemDialog, type ProblemSource } from './CreateProblemDialog.tsx';

/** "Create problem" from an emerging issue (its range, terms and examples) or from selected cases. */
export function CreateProblemButton({
  source,
  defaultTitle,
  label,
  size = 'xs',
}: {
  source: ProblemSource;
  defaultTitle: string;
  /** The button's accessible name when several sit side by side (one per issue). */
  label?: string;
  size?: 'xs' | 'compact-xs';
}) {
  const { t } = useTranslation('problems');
  const role = useCurrentUser().role;
  const [isOpen, setOpen] = useState(false);
  if (!can(role, 'problem:write')) return null;
  return (
    <>
      <Button
        size={size}
        variant="default"
        leftSection={<IconBulb size={14} aria-hidden />}
        aria-label={label}
        onClick={() => setOpen(true)}
      >
        {t('create.button')}
      </Button>
      {isOpen && (
        <CreateProblemDialog source={source} defaultTitle={defaultTitle} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

/** The button for one emerging issue of the analytics page. */
export function CreateProblemFromIssue({
  range,
  issue,
}: {
  range: { from: string; to: string };
  issue: { terms: string[]; examples: { referenceNumber: string }[] };
}) {
  const { t } = useTranslation('problems');
  const title = issue.terms.join(' · ');
  return (
    <CreateProblemButton
      size="compact-xs"
      label={`${t('create.fromIssue')}: ${title}`}
      defaultTitle={title}
      source={{
        issue: {
          from: range.from,
          to: range.to,
          terms: issue.terms,
          examples: issue.examples.map((example) => example.referenceNumber),
        },
      }}
    />
  );
}
