import { Grid, NavLink, Paper, Text } from '@mantine/core';
import { can } from '@sada/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import { AdminSection } from './AdminParts.tsx';
import { useTemplates } from './admin-queries.ts';
import { TemplateEditor } from './TemplateEditor.tsx';

const NEW = 'new';

/**
 * Reply templates, each in Arabic and English: the list on one side, the open template on the other.
 * The open template is in the address (?template=…), so it survives a reload and can be shared.
 */
export function TemplatesSection() {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const templates = useTemplates();
  const canWrite = can(me.role, 'template:write');
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get('template');
  const open = (id: string | null) => setSearchParams(id ? { template: id } : {}, { replace: true });

  if (templates.isPending) return <LoadingState />;
  if (templates.isError)
    return <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />;
  const items = [...templates.data].sort((a, b) => a.name.localeCompare(b.name));
  const selected = items.find((template) => template.id === openId);

  return (
    <AdminSection
      name="templates"
      subtitle={t('templates.subtitle')}
      canManage={canWrite}
      onAdd={() => open(NEW)}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          {items.length === 0 ? (
            <EmptyState message={t('templates.empty')} />
          ) : (
            <Paper withBorder p={4} component="nav" aria-label={t('templates.listLabel')}>
              {items.map((template) => (
                <NavLink
                  key={template.id}
                  component="button"
                  type="button"
                  label={<UserText>{template.name}</UserText>}
                  description={
                    <Text size="xs" c="dimmed" lineClamp={1} component="span">
                      <UserText>{template.bodyAr || template.bodyEn}</UserText>
                    </Text>
                  }
                  active={template.id === openId}
                  aria-current={template.id === openId ? 'true' : undefined}
                  onClick={() => open(template.id)}
                />
              ))}
            </Paper>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {openId === NEW && canWrite ? (
            <TemplateEditor
              key={NEW}
              template={null}
              canWrite
              onSaved={(id) => open(id)}
              onClosed={() => open(null)}
            />
          ) : selected ? (
            <TemplateEditor
              key={selected.id}
              template={selected}
              canWrite={canWrite}
              onSaved={(id) => open(id)}
              onClosed={() => open(null)}
            />
          ) : (
            <EmptyState message={openId ? t('templates.notFound') : t('templates.pick')} />
          )}
        </Grid.Col>
      </Grid>
    </AdminSection>
  );
}
