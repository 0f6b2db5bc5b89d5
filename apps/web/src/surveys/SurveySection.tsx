import {
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can } from '@sada/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadOnlyNote } from '../admin/AdminParts.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import {
  type SurveyGrouping,
  type SurveySettings,
  useFollowUpSettings,
  useSurveySummary,
  useUpdateFollowUpSettings,
} from './survey-queries.ts';

/** Admin → Satisfaction survey: when it goes out and what a low score does, and CSAT by agent, team or channel. */
export function SurveySection() {
  const { t } = useTranslation('surveys');
  const me = useCurrentUser();
  const settings = useFollowUpSettings();
  const canChange = can(me.role, 'workspace:admin');
  return (
    <Stack gap="md" component="section" aria-labelledby="admin-survey-title" maw={960}>
      <div>
        <Title order={2} size="h3" id="admin-survey-title">
          {t('settings.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.subtitle')}
        </Text>
      </div>
      {!canChange && <ReadOnlyNote>{t('settings.readOnly')}</ReadOnlyNote>}
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SurveySettingsForm
          key={JSON.stringify(settings.data.survey)}
          settings={settings.data.survey}
          canChange={canChange}
        />
      )}
      <SurveySummaryTable />
    </Stack>
  );
}

function SurveySettingsForm({ settings, canChange }: { settings: SurveySettings; canChange: boolean }) {
  const { t } = useTranslation('surveys');
  const update = useUpdateFollowUpSettings();
  const [values, setValues] = useState(settings);
  const set = <K extends keyof SurveySettings>(key: K, value: SurveySettings[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const changes = Object.fromEntries(
    Object.entries(values).filter(([key, value]) => settings[key as keyof SurveySettings] !== value),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { survey: changes },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }) },
    );
  };
  const number = (value: string | number) => (typeof value === 'number' ? value : Number.NaN);
  const error = (field: keyof SurveySettings) => fieldErrorOf(update.error, `survey.${field}`);
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="admin-survey-title">
        <Stack gap="md">
          <NumberInput
            label={t('settings.delayMinutes')}
            description={t('settings.delayMinutesHint')}
            min={0}
            max={43_200}
            allowDecimal={false}
            value={values.delayMinutes}
            onChange={(value) => set('delayMinutes', number(value))}
            readOnly={!canChange}
            error={error('delayMinutes')}
            maw={260}
          />
          <Select
            label={t('settings.lowScoreThreshold')}
            data={['1', '2', '3', '4'].map((value) => ({ value, label: `${value} ★` }))}
            value={String(values.lowScoreThreshold)}
            onChange={(value) => value && set('lowScoreThreshold', Number(value))}
            allowDeselect={false}
            readOnly={!canChange}
            maw={260}
          />
          <Radio.Group
            label={t('settings.lowScoreAction')}
            value={values.lowScoreAction}
            onChange={(value) => set('lowScoreAction', value as SurveySettings['lowScoreAction'])}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="reopen" label={t('settings.actions.reopen')} disabled={!canChange} />
              <Radio value="alert" label={t('settings.actions.alert')} disabled={!canChange} />
            </Stack>
          </Radio.Group>
          <NumberInput
            label={t('settings.expireAfterDays')}
            min={1}
            max={60}
            allowDecimal={false}
            value={values.expireAfterDays}
            onChange={(value) => set('expireAfterDays', number(value))}
            readOnly={!canChange}
            error={error('expireAfterDays')}
            maw={260}
          />
          <Switch
            label={t('settings.askNps')}
            checked={values.askNps}
            onChange={(event) => set('askNps', event.currentTarget.checked)}
            disabled={!canChange}
          />
          <FormError error={update.error} shownFields={['survey.delayMinutes', 'survey.expireAfterDays']} />
          {canChange && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={Object.keys(changes).length === 0}>
                {t('actions.save', { ns: 'common' })}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** A day typed in the date field, as the instant it starts (UTC), or nothing. */
const dayStart = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : undefined);

function SurveySummaryTable() {
  const { t } = useTranslation('surveys');
  const format = useFormatters();
  const [by, setBy] = useState<SurveyGrouping>('agent');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const from_ = dayStart(from);
  const to_ = dayStart(to);
  const summary = useSurveySummary({ by, ...(from_ && { from: from_ }), ...(to_ && { to: to_ }) });
  const percent = (value: number | null) => (value === null ? '—' : `${format.number(value)}%`);
  return (
    <Stack gap="sm" component="section" aria-labelledby="survey-summary-title">
      <Title order={3} size="h4" id="survey-summary-title">
        {t('summary.title')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('summary.by')}
          data={(['agent', 'team', 'channel'] as const).map((value) => ({
            value,
            label: t(`summary.groups.${value}`),
          }))}
          value={by}
          onChange={(value) => value && setBy(value as SurveyGrouping)}
          allowDeselect={false}
          maw={200}
        />
        <TextInput
          type="date"
          label={t('summary.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('summary.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {summary.isPending ? (
        <LoadingState />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data.rows.length === 0 ? (
        <Text c="dimmed">{t('summary.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" data-testid="survey-summary">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('summary.columns.label')}</Table.Th>
                <Table.Th>{t('summary.columns.sent')}</Table.Th>
                <Table.Th>{t('summary.columns.answered')}</Table.Th>
                <Table.Th>{t('summary.columns.responseRate')}</Table.Th>
                <Table.Th>{t('summary.columns.averageRating')}</Table.Th>
                <Table.Th>{t('summary.columns.csat')}</Table.Th>
                <Table.Th>{t('summary.columns.nps')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.data.rows.map((row) => (
                <Table.Tr key={row.key ?? ''}>
                  <Table.Td dir="auto">{row.key === null ? t('summary.unassigned') : row.label}</Table.Td>
                  <Table.Td>{format.number(row.sent)}</Table.Td>
                  <Table.Td>{format.number(row.answered)}</Table.Td>
                  <Table.Td>{percent(Math.round(row.responseRate * 1000) / 10)}</Table.Td>
                  <Table.Td>{row.averageRating === null ? '—' : format.number(row.averageRating)}</Table.Td>
                  <Table.Td>{percent(row.csatPercent)}</Table.Td>
                  <Table.Td>{row.nps === null ? '—' : format.number(row.nps)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
