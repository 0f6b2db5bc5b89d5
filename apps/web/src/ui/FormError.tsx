import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client.ts';

// The server names a failing field `timeZone` (its own checks) or `body.timeZone` (schema checks).
const isPathOf = (path: string, field: string) =>
  path === field || path === `body.${field}` || path.startsWith(`body.${field}.`);

/** The server's sentence about one field of a refused form, to show under that field. */
export function fieldErrorOf(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((problem) => isPathOf(problem.path, field))?.message;
}

/**
 * Why the server refused a form: its own sentence, and the fields it named that the form does not
 * show beside an input (listed in `shownFields`).
 */
export function FormError({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fields =
    error instanceof ApiError
      ? error.fields.filter((problem) => !shownFields.some((field) => isPathOf(problem.path, field)))
      : [];
  // "…; see error.fields" speaks to API clients; a person reads the fields themselves instead.
  const pointsToFields =
    error instanceof ApiError && error.fields.length > 0 && error.message.includes('error.fields');
  return (
    <Alert color="red" role="alert" title={t('errors.title')} icon={<IconAlertTriangle aria-hidden />}>
      {!pointsToFields && <Text size="sm">{errorMessage(error)}</Text>}
      {fields.length > 0 && (
        <List size="sm" mt={4}>
          {fields.map((problem) => (
            <List.Item key={`${problem.path}:${problem.message}`}>{problem.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
