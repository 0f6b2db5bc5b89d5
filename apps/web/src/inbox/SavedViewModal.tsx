import { Alert, Button, Checkbox, Group, List, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { can } from '@sada/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import { useCurrentUser } from '../auth/session.ts';
import { describeFilters } from './filter-labels.ts';
import { type SavedView, savedViewsKey, useNames } from './inbox-data.ts';
import { type InboxFilters, normalizeFilters } from './inbox-filters.ts';
import { notifySuccess } from './notify.ts';

export type SavedViewModalProps = {
  /** Editing this view; creating a new one when absent. */
  view?: SavedView | undefined;
  /** Opens on the question "delete this view?". */
  isDeleting?: boolean | undefined;
  /** The filters on screen: a new view stores them, an edited one may take them. */
  filters: InboxFilters;
  onClose: () => void;
};

/** Create a saved view from the filters on screen, or rename, refilter, share or delete one. */
export function SavedViewModal({ view, isDeleting = false, filters, onClose }: SavedViewModalProps) {
  const { t, i18n } = useTranslation(['inbox', 'common']);
  const user = useCurrentUser();
  const names = useNames();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState(view?.name ?? '');
  const [isShared, setShared] = useState(view?.isShared ?? false);
  const [useCurrent, setUseCurrent] = useState(!view);
  const [isConfirmingDelete, setConfirmingDelete] = useState(isDeleting);
  const canShare = can(user.role, 'view:share');
  const shownFilters = useCurrent || !view ? filters : view.filters;
  const labels = describeFilters(shownFilters, t, names, i18n.language);

  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        ...(canShare && { isShared }),
        ...(useCurrent && { filters: normalizeFilters(filters) }),
      };
      return view
        ? api.patch<SavedView>(`/api/views/${view.id}`, body)
        : api.post<SavedView>('/api/views', body);
    },
    onSuccess: (saved) => {
      // The view is in the list before the page opens it, so the page never finds it missing.
      queryClient.setQueryData<SavedView[]>(savedViewsKey, (items = []) => [
        ...items.filter((item) => item.id !== saved.id),
        saved,
      ]);
      void queryClient.invalidateQueries({ queryKey: ['views'] });
      notifySuccess(view ? t('savedView.updated') : t('savedView.created'));
      onClose();
      navigate(`/inbox/${saved.id}`);
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete<void>(`/api/views/${view!.id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['views'] });
      notifySuccess(t('savedView.deleted'));
      onClose();
      navigate('/inbox/open');
    },
  });
  const failure = save.error ?? remove.error;

  return (
    <Modal
      opened
      onClose={onClose}
      title={view ? t('savedView.editTitle') : t('savedView.createTitle')}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('savedView.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={100}
            required
            data-autofocus
          />
          {canShare && (
            <Switch
              label={t('savedView.share')}
              description={t('savedView.shareHint')}
              checked={isShared}
              onChange={(event) => setShared(event.currentTarget.checked)}
            />
          )}
          {view && (
            <Checkbox
              label={t('savedView.useCurrentFilters')}
              checked={useCurrent}
              onChange={(event) => setUseCurrent(event.currentTarget.checked)}
            />
          )}
          <div>
            <Text size="sm" fw={600}>
              {t('savedView.filters')}
            </Text>
            {labels.length > 0 ? (
              <List size="sm">
                {labels.map(({ key, label }) => (
                  <List.Item key={key}>{label}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">{t('savedView.noFilters')}</Text>
            )}
          </div>
          {isConfirmingDelete && view && (
            <Text size="sm" c="red.9" role="alert">
              {t('savedView.deleteConfirm', { name: view.name })}
            </Text>
          )}
          {failure && (
            <Alert color="red" role="alert" title={t('common:errors.title')}>
              {errorMessage(failure)}
            </Alert>
          )}
          <Group justify="space-between" mt="xs">
            {view ? (
              <Button
                variant={isConfirmingDelete ? 'filled' : 'subtle'}
                color="red.9"
                loading={remove.isPending}
                onClick={() => (isConfirmingDelete ? remove.mutate() : setConfirmingDelete(true))}
              >
                {t('savedView.delete')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
                {t('common:actions.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
