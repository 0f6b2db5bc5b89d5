import { Alert, Button, Group, List, Radio, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFrame, type DialogProps } from '../ui/DialogFrame.tsx';
import { FormError } from '../ui/FormError.tsx';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import {
  type Customer,
  type CustomerListItem,
  useCustomerSearch,
  useMergeCustomer,
} from './customer-queries.ts';

// First-strong isolates keep a name in its own direction inside a sentence of the other language.
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * Merges a duplicate into `target`: find the other customer, read what will move, confirm. The
 * server moves identities and cases, removes the duplicate from the lists and keeps an audit record.
 */
export function MergeCustomerDialog({ target, ...dialog }: { target: Customer } & DialogProps) {
  const { t } = useTranslation('customer');
  return (
    <DialogFrame {...dialog} title={t('merge.title', { name: isolate(target.name) })} size="lg">
      <MergeForm target={target} onClose={dialog.onClose} />
    </DialogFrame>
  );
}

function MergeForm({ target, onClose }: { target: Customer; onClose: () => void }) {
  const { t } = useTranslation('customer');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const search = useCustomerSearch(q, { limit: 10 });
  const merge = useMergeCustomer(target.id);

  const candidates = (search.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (candidate) => candidate.id !== target.id,
  );
  // The chosen customer stays chosen while the search text changes.
  const [source, setSource] = useState<CustomerListItem | null>(null);
  const choose = (id: string) => setSource(candidates.find((candidate) => candidate.id === id) ?? null);

  const confirm = () => {
    if (!source) return;
    merge.mutate(source.id, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('merge.done', { source: isolate(source.name), target: isolate(target.name) }),
        });
        onClose();
      },
    });
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('merge.intro', { name: isolate(target.name) })}</Text>
      <TextInput
        type="search"
        label={t('merge.searchLabel')}
        description={t('list.searchHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autoComplete="off"
        data-autofocus
      />
      {search.isPending ? (
        <LoadingState />
      ) : search.isError ? (
        <ErrorState error={search.error} onRetry={() => void search.refetch()} />
      ) : candidates.length === 0 ? (
        <EmptyState message={q ? t('list.noMatch', { q }) : t('list.empty')} />
      ) : (
        <ScrollArea.Autosize mah={240} type="auto">
          <Radio.Group value={source?.id ?? null} onChange={choose} label={t('merge.pickLabel')}>
            <Stack gap="xs" mt="xs">
              {candidates.map((candidate) => (
                <Radio
                  key={candidate.id}
                  value={candidate.id}
                  label={<bdi>{candidate.name}</bdi>}
                  description={<CandidateSummary candidate={candidate} />}
                />
              ))}
            </Stack>
          </Radio.Group>
        </ScrollArea.Autosize>
      )}
      {source && (
        <Alert
          color="blue"
          icon={<IconArrowMerge aria-hidden />}
          title={t('merge.whatHappens', { source: isolate(source.name), target: isolate(target.name) })}
          data-testid="merge-explanation"
        >
          <List size="sm" spacing={4}>
            <List.Item>
              {t('merge.movesIdentities', {
                count: source.identities.length,
                source: isolate(source.name),
                target: isolate(target.name),
              })}
            </List.Item>
            <List.Item>
              {t('merge.movesCases', { count: source.caseCount, target: isolate(target.name) })}
            </List.Item>
            <List.Item>{t('merge.removesSource', { source: isolate(source.name) })}</List.Item>
            {source.notes.trim() && (
              <List.Item>{t('merge.notesNotCopied', { source: isolate(source.name) })}</List.Item>
            )}
            <List.Item>{t('merge.audit')}</List.Item>
          </List>
        </Alert>
      )}
      <FormError error={merge.error} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          {t('actions.cancel', { ns: 'common' })}
        </Button>
        <Button color="red" onClick={confirm} disabled={!source} loading={merge.isPending}>
          {source
            ? t('merge.confirm', { source: isolate(source.name), target: isolate(target.name) })
            : t('merge.confirmDisabled')}
        </Button>
      </Group>
    </Stack>
  );
}

/** How to tell two customers of the same name apart: an address and how many cases they have. */
function CandidateSummary({ candidate }: { candidate: CustomerListItem }) {
  const { t } = useTranslation('customer');
  const identity = candidate.identities[0];
  const contact = candidate.email ?? candidate.phone ?? identity?.handle ?? identity?.externalId;
  return (
    <>
      {contact && <bdi dir="ltr">{contact}</bdi>}
      {contact && ' · '}
      {t('list.caseCount', { count: candidate.caseCount })}
    </>
  );
}
