/** Strings of the case pages. */
export const enCase = {
  title: 'Case',
};
