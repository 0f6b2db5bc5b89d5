/** Strings of the admin pages. */
export const enAdmin = {
  title: 'Admin',
};
