import { randomUUID } from 'node:crypto';
import { AppError, assertCan, unknownTemplateVariables } from '@sada/core';
import {
  deleteReplyTemplate,
  findReplyTemplate,
  insertReplyTemplate,
  listReplyTemplates,
  type ReplyTemplateRow,
  updateReplyTemplate,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import { unlessNameTaken } from '../http/database-errors.ts';
import type { ServiceDeps } from '../services.ts';

export type TemplateInput = { name: string; bodyAr: string; bodyEn: string };

function publicTemplate(row: ReplyTemplateRow) {
  return {
    id: row.id,
    name: row.name,
    bodyAr: row.bodyAr,
    bodyEn: row.bodyEn,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const notFound = () =>
  new AppError('not_found', {
    en: 'No reply template with this id in this workspace.',
    ar: 'لا يوجد قالب رد بهذا المعرّف في مساحة العمل هذه.',
  });

const nameTaken = (name: string) =>
  new AppError('conflict', {
    en: `A reply template named "${name}" already exists.`,
    ar: `يوجد قالب رد باسم "${name}" مسبقًا.`,
  });

// A misspelt variable would reach the customer as "{{customer.firstname}}"; refuse it when saving.
function assertBodies(template: TemplateInput) {
  if (template.bodyAr === '' && template.bodyEn === '') {
    throw new AppError(
      'validation_failed',
      {
        en: 'Write the template in Arabic, English or both: bodyAr and bodyEn cannot both be empty.',
        ar: 'اكتب القالب بالعربية أو الإنجليزية أو كليهما: لا يمكن أن يكون bodyAr و bodyEn فارغين معًا.',
      },
      {
        fields: [{ path: 'bodyAr', message: { en: 'is empty, and so is bodyEn', ar: 'فارغ، وكذلك bodyEn' } }],
      },
    );
  }
  const fields = (['bodyAr', 'bodyEn'] as const).flatMap((path) =>
    unknownTemplateVariables(template[path]).map((name) => ({
      path,
      message: { en: `unknown variable {{${name}}}`, ar: `متغير غير معروف {{${name}}}` },
    })),
  );
  if (fields.length > 0) {
    throw new AppError(
      'validation_failed',
      {
        en: 'The template uses variables Sada does not know; see error.fields.',
        ar: 'يستخدم القالب متغيرات لا يعرفها صدى؛ انظر error.fields.',
      },
      { fields },
    );
  }
}

/** Reply templates of a workspace: agents read them, supervisors and admins write them. */
export function createTemplateService({ database, clock }: ServiceDeps) {
  const db = database.orm;

  const saving = <T>(name: string | undefined, write: () => Promise<T>) =>
    unlessNameTaken(write, () => nameTaken(name ?? ''));

  return {
    async list(actor: Actor) {
      assertCan(actor.role, 'template:read');
      return { items: (await listReplyTemplates(db, actor.workspace.id)).map(publicTemplate) };
    },

    async create(options: { actor: Actor; template: TemplateInput }) {
      const { actor, template } = options;
      assertCan(actor.role, 'template:write');
      assertBodies(template);
      const now = clock.now();
      const row = await saving(template.name, () =>
        insertReplyTemplate(db, {
          id: randomUUID(),
          workspaceId: actor.workspace.id,
          ...template,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return publicTemplate(row);
    },

    async update(options: { actor: Actor; id: string; changes: Partial<TemplateInput> }) {
      const { actor, id, changes } = options;
      assertCan(actor.role, 'template:write');
      const row = await saving(changes.name, () =>
        db.transaction(async (tx) => {
          const current = await findReplyTemplate(tx, actor.workspace.id, id);
          if (!current) throw notFound();
          const merged = {
            name: changes.name ?? current.name,
            bodyAr: changes.bodyAr ?? current.bodyAr,
            bodyEn: changes.bodyEn ?? current.bodyEn,
          };
          assertBodies(merged);
          return updateReplyTemplate(tx, actor.workspace.id, id, { ...merged, updatedAt: clock.now() });
        }),
      );
      if (!row) throw notFound();
      return publicTemplate(row);
    },

    async remove(options: { actor: Actor; id: string }) {
      assertCan(options.actor.role, 'template:write');
      if (!(await deleteReplyTemplate(db, options.actor.workspace.id, options.id))) throw notFound();
    },
  };
}
