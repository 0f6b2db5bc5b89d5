/**
 * The customer beside a case: identities on each channel, past cases with their outcome, notes, a
 * link to the customer page — to be built.
 */
export function CustomerPanel(_props: { customerId: string | null; currentReference?: string }) {
  return null;
}
