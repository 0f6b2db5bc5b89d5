/** Strings of the customer pages. */
export const enCustomer = {
  title: 'Customer',
};
