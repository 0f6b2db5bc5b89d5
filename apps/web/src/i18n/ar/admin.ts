import type { enAdmin } from '../en/admin.ts';

export const arAdmin: typeof enAdmin = {
  title: 'الإدارة',
};
