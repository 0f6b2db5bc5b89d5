import { describe, expect, it } from 'vitest';
import { diffFields } from './timeline.ts';

describe('timeline diffs', () => {
  it('records before and after of each changed field only', () => {
    expect(
      diffFields(
        { priority: 'P3', tags: ['a'], category: null },
        { priority: 'P1', tags: ['a'], category: 'billing' },
      ),
    ).toEqual({
      priority: { before: 'P3', after: 'P1' },
      category: { before: null, after: 'billing' },
    });
  });

  it('ignores fields left out of the patch', () => {
    expect(diffFields({ priority: 'P3' }, { priority: undefined })).toEqual({});
  });
});
