import { describe, expect, it } from 'vitest';
import { type FieldDefinition, validateCustomFields } from './custom-fields.ts';

const definitions: FieldDefinition[] = [
  { key: 'city', type: 'select', isRequired: true, isActive: true, options: ['riyadh', 'jeddah'] },
  { key: 'amount', type: 'number', isRequired: false, isActive: true, options: [] },
  { key: 'vip', type: 'boolean', isRequired: false, isActive: true, options: [] },
  { key: 'visited_on', type: 'date', isRequired: false, isActive: true, options: [] },
  { key: 'products', type: 'multiselect', isRequired: false, isActive: true, options: ['a', 'b'] },
  { key: 'old', type: 'text', isRequired: false, isActive: false, options: [] },
];

describe('custom field validation', () => {
  it('accepts values that match their definitions', () => {
    expect(
      validateCustomFields(
        definitions,
        { city: 'riyadh', amount: 12.5, vip: true, visited_on: '2026-11-02', products: ['a'] },
        { isPartial: false },
      ),
    ).toEqual([]);
  });

  it('names each failing field and says what it expects', () => {
    const issues = validateCustomFields(
      definitions,
      { city: 'cairo', amount: '12', visited_on: '02/11/2026', products: ['c'] },
      { isPartial: false },
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'customFields.city',
      'customFields.amount',
      'customFields.visited_on',
      'customFields.products',
    ]);
    expect(issues[0]!.message.en).toContain('riyadh, jeddah');
    expect(issues[0]!.message.ar).toContain('riyadh، jeddah');
  });

  it('requires required fields on creation but not on a partial update', () => {
    expect(validateCustomFields(definitions, {}, { isPartial: false })).toEqual([
      { path: 'customFields.city', message: { en: 'is required', ar: 'مطلوب' } },
    ]);
    expect(validateCustomFields(definitions, { amount: 3 }, { isPartial: true })).toEqual([]);
  });

  it('refuses unknown and deactivated fields', () => {
    const issues = validateCustomFields(
      definitions,
      { city: 'riyadh', color: 'red', old: 'x' },
      { isPartial: false },
    );
    expect(issues.map((issue) => issue.path)).toEqual(['customFields.color', 'customFields.old']);
  });

  it('lets null clear an optional field but not a required one', () => {
    expect(validateCustomFields(definitions, { amount: null }, { isPartial: true })).toEqual([]);
    expect(validateCustomFields(definitions, { city: null }, { isPartial: true })).toEqual([
      { path: 'customFields.city', message: { en: 'is required', ar: 'مطلوب' } },
    ]);
  });
});
