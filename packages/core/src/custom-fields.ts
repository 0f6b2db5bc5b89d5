import type { FieldIssue } from './errors.ts';

export const FIELD_TYPES = ['text', 'number', 'boolean', 'date', 'select', 'multiselect'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A custom field the workspace declares for its cases. */
export type FieldDefinition = {
  key: string;
  type: FieldType;
  isRequired: boolean;
  isActive: boolean;
  options: string[];
};

export type CustomFieldValue = string | number | boolean | string[] | null;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function checkValue(definition: FieldDefinition, value: unknown): string | undefined {
  switch (definition.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 2000
        ? undefined
        : 'must be text of at most 2000 characters';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'date':
      return typeof value === 'string' && DATE_PATTERN.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'must be a date written YYYY-MM-DD';
    case 'select':
      return typeof value === 'string' && definition.options.includes(value)
        ? undefined
        : `must be one of: ${definition.options.join(', ')}`;
    case 'multiselect':
      return Array.isArray(value) && value.every((item) => definition.options.includes(item))
        ? undefined
        : `must be a list of: ${definition.options.join(', ')}`;
  }
}

/**
 * Checks custom field values against the workspace's definitions. With `isPartial` (a PATCH)
 * required fields that are absent are not reported; a `null` clears a field that is not required.
 */
export function validateCustomFields(
  definitions: readonly FieldDefinition[],
  values: Record<string, unknown>,
  { isPartial }: { isPartial: boolean },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  for (const [key, value] of Object.entries(values)) {
    const definition = byKey.get(key);
    if (!definition || !definition.isActive) {
      issues.push({ path: `customFields.${key}`, message: `no active custom field is named "${key}"` });
      continue;
    }
    if (value === null) {
      if (definition.isRequired) issues.push({ path: `customFields.${key}`, message: 'is required' });
      continue;
    }
    const problem = checkValue(definition, value);
    if (problem) issues.push({ path: `customFields.${key}`, message: problem });
  }
  if (!isPartial) {
    for (const definition of definitions) {
      if (definition.isActive && definition.isRequired && values[definition.key] === undefined) {
        issues.push({ path: `customFields.${definition.key}`, message: 'is required' });
      }
    }
  }
  return issues;
}
