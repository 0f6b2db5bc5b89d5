import { Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../inbox/notify.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { FormButtons } from '../ui/FormButtons.tsx';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { type NewProblem, useCreateProblem } from './problem-queries.ts';

/** Where a new problem's cases come from: cases picked in the inbox, or an emerging issue. */
export type ProblemSource =
  | { references: string[] }
  | { issue: { from: string; to: string; terms: string[]; examples: string[] } };

/** Names a new problem (its title and, if known, root cause) and opens it once created. */
export function CreateProblemDialog({
  source,
  defaultTitle,
  onClose,
}: {
  source: ProblemSource;
  defaultTitle: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('problems');
  const navigate = useNavigate();
  const create = useCreateProblem();
  const [title, setTitle] = useState(defaultTitle);
  const [rootCause, setRootCause] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: NewProblem = {
      ...source,
      ...(title.trim() && { title: title.trim() }),
      ...(rootCause.trim() && { rootCause: rootCause.trim() }),
    };
    create.mutate(input, {
      onSuccess: (problem) => {
        notifySuccess(t('create.created'));
        onClose();
        void navigate(`/problems/${problem.id}`);
      },
    });
  };
  return (
    <DialogFrame opened onClose={onClose} title={t('create.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {'references' in source
              ? t('create.cases', { count: source.references.length })
              : t('create.issueCases')}
          </Text>
          <TextInput
            label={t('create.name')}
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={fieldErrorOf(create.error, 'title')}
            data-autofocus
          />
          <Textarea
            label={t('create.rootCause')}
            placeholder={t('create.rootCausePlaceholder')}
            value={rootCause}
            autosize
            minRows={2}
            maxLength={5000}
            onChange={(event) => setRootCause(event.currentTarget.value)}
          />
          <FormError error={create.error} shownFields={['title']} />
          <FormButtons isPending={create.isPending} onCancel={onClose} submitLabel={t('create.submit')} />
        </Stack>
      </form>
    </DialogFrame>
  );
}
