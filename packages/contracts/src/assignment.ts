import { ASSIGNMENT_MODES, AVAILABILITIES, CHANNEL_TYPES, CHANNELS, LANGUAGES } from '@sada/core';
import { z } from 'zod';
import { localizedMessage, nonEmptyText } from './common.ts';

export const availability = z.enum(AVAILABILITIES);
export const assignmentMode = z.enum(ASSIGNMENT_MODES);

/** What an agent handles; an empty list means anything. */
export const agentSkills = z
  .strictObject({
    languages: z.array(z.enum(LANGUAGES)).max(10).default([]),
    channels: z.array(z.enum(CHANNELS)).max(20).default([]),
    categories: z.array(nonEmptyText(100)).max(100).default([]),
  })
  .meta({ id: 'AgentSkills' });

/** Most open cases per channel type (social, email, chat); a type left out has no limit. */
export const agentCapacity = z
  .strictObject(
    Object.fromEntries(CHANNEL_TYPES.map((type) => [type, z.number().int().min(0).max(1000).optional()])) as {
      [K in (typeof CHANNEL_TYPES)[number]]: z.ZodOptional<z.ZodNumber>;
    },
  )
  .meta({ id: 'AgentCapacity' });

const clockTime = z
  .string()
  .regex(
    /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/,
    localizedMessage(
      'Use a time as HH:MM (00:00 to 24:00).',
      'اكتب الوقت بالصيغة HH:MM (من 00:00 إلى 24:00).',
    ),
  );

/** One weekly shift in the workspace's zone: day 0 = Sunday … 6 = Saturday. */
export const shiftSpan = z
  .strictObject({ day: z.number().int().min(0).max(6), from: clockTime, to: clockTime })
  .refine((span) => span.from < span.to, {
    path: ['to'],
    message: localizedMessage('A shift must end after it starts.', 'يجب أن تنتهي المناوبة بعد بدايتها.'),
  });

export const agentShifts = z.array(shiftSpan).max(50);

/** Set your own availability (or, as a supervisor or admin, someone else's). */
export const setAvailabilityRequest = z.strictObject({
  availability,
  /** Going away or offline: give cases still waiting for your reply back to the team queue (default yes). */
  returnWaitingCases: z.boolean().default(true),
});

export const availabilityStatus = z
  .object({
    userId: z.string(),
    availability,
    availabilityChangedAt: z.date().nullable(),
    /** Cases given back to their team's queue by this change. */
    returnedCases: z.number().int(),
  })
  .meta({ id: 'AvailabilityStatus' });
