import type { enCustomer } from '../en/customer.ts';

export const arCustomer: typeof enCustomer = {
  title: 'العميل',
};
