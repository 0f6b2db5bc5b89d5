import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseFilters, caseFilterValues, caseListQuery } from './cases.ts';
import { BUILT_IN_VIEW_KEYS, BUILT_IN_VIEWS } from './views.ts';

describe('case filters', () => {
  it('are the case list query without paging', () => {
    expect(Object.keys(caseFilters.shape).sort()).toEqual(
      Object.keys(caseListQuery.shape)
        .filter((key) => key !== 'cursor' && key !== 'limit')
        .sort(),
    );
    expect(caseFilters.safeParse({ limit: 10 }).success).toBe(false);
  });

  it('go back out as plain lists, whatever form they came in', () => {
    const parsed = caseFilters.parse({ status: 'open,pending', assignee: ['me'], q: ' تأخير ' });

    expect(z.encode(caseFilterValues, parsed)).toEqual({
      status: ['open', 'pending'],
      assignee: ['me'],
      q: 'تأخير',
      sort: '-createdAt',
    });
  });
});

describe('built-in views', () => {
  it.each(BUILT_IN_VIEW_KEYS)('%s is a valid filter with a label in both languages', (key) => {
    const view = BUILT_IN_VIEWS[key];

    expect(view.key).toBe(key);
    expect(caseFilters.parse(view.filters)).toMatchObject(view.filters);
    expect(view.labelAr).toMatch(/[\u0600-\u06FF]/);
    expect(view.labelEn).toMatch(/^[A-Z]/);
  });
});
