import { AppError } from '@sada/core';
import { type Executor, findCustomerSummary, type OpenCaseValues, timeOrderedId } from '@sada/db';
import { type IdentityInput, searchTextOf } from '../customers/customer.service.ts';

/** The customer part of a new case, as the API takes it. */
export type IntakeCustomer = {
  id?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  identity?: IdentityInput | undefined;
};

export function teamNotInWorkspace() {
  return new AppError(
    'validation_failed',
    { en: 'The team is not a team of this workspace.', ar: 'هذا الفريق ليس من فرق مساحة العمل هذه.' },
    {
      fields: [
        {
          path: 'teamId',
          message: { en: 'no such team in this workspace', ar: 'لا يوجد فريق كهذا في مساحة العمل' },
        },
      ],
    },
  );
}

function customerNotInWorkspace() {
  return new AppError(
    'validation_failed',
    {
      en: 'The customer is not a customer of this workspace.',
      ar: 'هذا العميل ليس من عملاء مساحة العمل هذه.',
    },
    {
      fields: [
        {
          path: 'customer.id',
          message: { en: 'no such customer in this workspace', ar: 'لا يوجد عميل كهذا في مساحة العمل' },
        },
      ],
    },
  );
}

/**
 * Who a new case is about: an existing customer (by id, following a merge), or the name and identity
 * sada_open_case finds or creates a customer by. An e-mail or phone number alone is an identity too.
 * `name` is known here only for an existing customer; the database answers it for the others.
 */
export async function intakeCustomer(
  executor: Executor,
  workspaceId: string,
  customer: IntakeCustomer | undefined,
  now: Date,
): Promise<{ target: OpenCaseValues['customer']; name: string | null }> {
  if (!customer) return { target: null, name: null };
  if (customer.id) {
    const found = await findCustomerSummary(executor, workspaceId, customer.id);
    if (!found) throw customerNotInWorkspace();
    if (!found.mergedIntoId) return { target: { id: found.id }, name: found.name };
    const target = await findCustomerSummary(executor, workspaceId, found.mergedIntoId);
    return { target: { id: found.mergedIntoId }, name: target?.name ?? found.name };
  }
  const identity: IdentityInput | undefined =
    customer.identity ??
    (customer.email
      ? { channel: 'email', externalId: customer.email.toLowerCase() }
      : customer.phone
        ? { channel: 'phone', externalId: customer.phone }
        : undefined);
  const name =
    customer.name ??
    customer.email ??
    customer.phone ??
    customer.identity?.handle ??
    customer.identity?.externalId;
  if (!name) return { target: null, name: null };
  const email = customer.email?.toLowerCase() ?? null;
  const phone = customer.phone ?? null;
  return {
    target: {
      name,
      email,
      phone,
      searchText: searchTextOf({ name, email, phone }, identity ? [identity] : []),
      identity: identity
        ? { channel: identity.channel, externalId: identity.externalId, handle: identity.handle ?? null }
        : null,
      newIds: { customer: timeOrderedId(now), identity: timeOrderedId(now) },
    },
    name: null,
  };
}
