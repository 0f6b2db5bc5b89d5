import { z } from 'zod';
import { localizedMessage, nonEmptyText, uuid } from './common.ts';

/** A reply template in Arabic and English; `{{customer.first_name}}` and the like are filled when used. */
export const replyTemplate = z
  .object({
    id: uuid,
    name: z.string(),
    bodyAr: z.string(),
    bodyEn: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ReplyTemplate' });

export const templateList = z.object({ items: z.array(replyTemplate) });

const body = z.string().trim().max(10_000);
const oneBody = {
  message: localizedMessage(
    'Write the template in Arabic, English or both: bodyAr and bodyEn cannot both be empty.',
    'اكتب القالب بالعربية أو الإنجليزية أو كليهما: لا يمكن أن يكون bodyAr و bodyEn فارغين معًا.',
  ),
  path: ['bodyAr'],
};

export const createTemplateRequest = z
  .strictObject({ name: nonEmptyText(100), bodyAr: body.default(''), bodyEn: body.default('') })
  .refine((template) => template.bodyAr !== '' || template.bodyEn !== '', oneBody);

/** Both bodies still may not end up empty; the server checks that against the stored template. */
export const updateTemplateRequest = z.strictObject({
  name: nonEmptyText(100).optional(),
  bodyAr: body.optional(),
  bodyEn: body.optional(),
});
