import type { enCase } from '../en/case.ts';

export const arCase: typeof enCase = {
  title: 'الحالة',
};
