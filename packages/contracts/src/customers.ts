import { CHANNELS, LANGUAGES } from '@sada/core';
import { z } from 'zod';
import { nonEmptyText, uuid } from './common.ts';

export const identityInput = z.strictObject({
  channel: z.enum(CHANNELS),
  externalId: nonEmptyText(320),
  handle: z.string().trim().max(320).optional(),
});

export const identity = z
  .object({ id: uuid, channel: z.enum(CHANNELS), externalId: z.string(), handle: z.string().nullable() })
  .meta({ id: 'CustomerIdentity' });

export const customer = z
  .object({
    id: uuid,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    language: z.string().nullable(),
    tags: z.array(z.string()),
    notes: z.string(),
    mergedIntoId: uuid.nullable(),
    identities: z.array(identity),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Customer' });

const tag = z.string().trim().min(1).max(50);

export const createCustomerRequest = z.strictObject({
  name: nonEmptyText(200),
  email: z.email().max(320).optional(),
  phone: z.string().trim().max(40).optional(),
  language: z.enum(LANGUAGES).optional(),
  tags: z.array(tag).max(50).default([]),
  notes: z.string().max(10_000).default(''),
  identities: z.array(identityInput).max(20).default([]),
});

export const updateCustomerRequest = z.strictObject({
  name: nonEmptyText(200).optional(),
  email: z.email().max(320).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  language: z.enum(LANGUAGES).nullable().optional(),
  tags: z.array(tag).max(50).optional(),
  notes: z.string().max(10_000).optional(),
  addIdentities: z.array(identityInput).max(20).optional(),
});

export const mergeCustomerRequest = z.strictObject({
  sourceId: uuid.describe('The customer merged away; its identities and cases move to the target.'),
});

export const customerListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});

export const customerPage = z.object({
  items: z.array(customer.extend({ caseCount: z.number().int() })),
  nextCursor: z.string().nullable(),
});

/** Another customer who may be the same person, and why: the same e-mail, phone, handle on another channel, or name. */
export const customerLookalike = z
  .object({
    customer: z.object({
      id: uuid,
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    reasons: z.array(z.enum(['email', 'phone', 'handle', 'name'])).min(1),
  })
  .meta({ id: 'CustomerLookalike' });
