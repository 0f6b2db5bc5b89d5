import { FIELD_TYPES, ROLES } from '@sada/core';
import { z } from 'zod';
import { agentCapacity, agentShifts, agentSkills, assignmentMode, availability } from './assignment.ts';
import { localizedMessage, nonEmptyText, uuid } from './common.ts';

export const user = z
  .object({
    id: uuid,
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    isActive: z.boolean(),
    createdAt: z.date(),
    availability,
    skills: agentSkills,
    capacity: agentCapacity,
    shifts: agentShifts,
  })
  .meta({ id: 'User' });

export const createUserRequest = z.strictObject({
  email: z.email().max(320),
  name: nonEmptyText(200),
  role: z.enum(ROLES),
  password: z
    .string()
    .min(10, localizedMessage('Use at least 10 characters.', 'استخدم 10 أحرف على الأقل.'))
    .max(1024),
});

export const updateUserRequest = z.strictObject({
  name: nonEmptyText(200).optional(),
  role: z.enum(ROLES).optional(),
  isActive: z.boolean().optional(),
  password: z
    .string()
    .min(10, localizedMessage('Use at least 10 characters.', 'استخدم 10 أحرف على الأقل.'))
    .max(1024)
    .optional(),
  skills: agentSkills.optional(),
  capacity: agentCapacity.optional(),
  shifts: agentShifts.optional(),
});

export const team = z
  .object({
    id: uuid,
    name: z.string(),
    memberIds: z.array(uuid),
    createdAt: z.date(),
    assignmentMode,
    /** The customer is told when routing or a person gives a case to this team. */
    isRoutingNoticeOn: z.boolean(),
  })
  .meta({ id: 'Team' });

export const createTeamRequest = z.strictObject({
  name: nonEmptyText(100),
  memberIds: z.array(uuid).max(500).default([]),
});

export const updateTeamRequest = z.strictObject({
  name: nonEmptyText(100).optional(),
  memberIds: z.array(uuid).max(500).optional(),
  assignmentMode: assignmentMode.optional(),
  isRoutingNoticeOn: z.boolean().optional(),
});

const fieldKey = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    localizedMessage(
      'Use lower-case letters, digits and _ (start with a letter, at most 40).',
      'استخدم أحرفًا لاتينية صغيرة وأرقامًا و _ (تبدأ بحرف، 40 على الأكثر).',
    ),
  );

export const fieldDefinition = z
  .object({
    key: z.string(),
    labelAr: z.string(),
    labelEn: z.string(),
    type: z.enum(FIELD_TYPES),
    isRequired: z.boolean(),
    isActive: z.boolean(),
    options: z.array(z.string()),
    position: z.number().int(),
  })
  .meta({ id: 'FieldDefinition' });

export const createFieldRequest = z
  .strictObject({
    key: fieldKey,
    labelAr: nonEmptyText(100),
    labelEn: nonEmptyText(100),
    type: z.enum(FIELD_TYPES),
    isRequired: z.boolean().default(false),
    options: z.array(nonEmptyText(100)).max(200).default([]),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .refine((field) => !['select', 'multiselect'].includes(field.type) || field.options.length > 0, {
    path: ['options'],
    message: localizedMessage(
      'A select field needs at least one option.',
      'حقل الاختيار يحتاج خيارًا واحدًا على الأقل.',
    ),
  });

export const updateFieldRequest = z.strictObject({
  labelAr: nonEmptyText(100).optional(),
  labelEn: nonEmptyText(100).optional(),
  isRequired: z.boolean().optional(),
  isActive: z.boolean().optional(),
  options: z.array(nonEmptyText(100)).max(200).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
