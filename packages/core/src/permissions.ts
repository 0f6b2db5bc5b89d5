import { AppError } from './errors.ts';
import type { Role } from './vocabulary.ts';

/**
 * What a route may ask of a role. Analysts read everything and change nothing of the cases; like
 * everyone they keep their own saved views.
 */
export type Permission =
  | 'case:read'
  | 'case:write'
  | 'customer:read'
  | 'customer:write'
  | 'customer:merge'
  | 'team:read'
  | 'team:manage'
  | 'user:read'
  | 'user:manage'
  /** Set another user's availability (online, away, offline). */
  | 'user:availability'
  | 'field:read'
  | 'field:manage'
  | 'workspace:export'
  | 'workspace:read'
  | 'workspace:admin'
  | 'template:read'
  | 'template:write'
  | 'view:write'
  | 'view:share'
  | 'routing:read'
  /** Read the SLA policies (admins write them under workspace:admin). */
  | 'sla:read'
  /** Read figures across the workspace and export them (dashboards, the one-row-per-case CSV). */
  | 'analytics:read'
  /** Read the follow-up settings (satisfaction survey); admins change them under workspace:admin. */
  | 'followUp:read'
  /** Read the compensation policy and approve or reject compensation above a limit. */
  | 'compensation:approve'
  /** Read the compensation ledger and its totals. */
  | 'compensation:ledger'
  /** Read the moderation queue and decide its items (hide, block, not a complaint, keep, undo). */
  | 'moderation:decide'
  /** Mark success-story candidates, edit them, ask the customer's consent and export them. */
  | 'story:manage'
  /** Read problems (the cause behind many complaints) and see the problem a case is linked to. */
  | 'problem:read'
  /** Create problems, link cases, add corrective actions and notes, close a problem. */
  | 'problem:write';

const grants: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([
    'case:read',
    'case:write',
    'customer:read',
    'customer:write',
    'customer:merge',
    'team:read',
    'team:manage',
    'user:read',
    'user:manage',
    'user:availability',
    'field:read',
    'field:manage',
    'workspace:export',
    'workspace:read',
    'workspace:admin',
    'template:read',
    'template:write',
    'view:write',
    'view:share',
    'routing:read',
    'sla:read',
    'followUp:read',
    'analytics:read',
    'compensation:approve',
    'compensation:ledger',
    'moderation:decide',
    'story:manage',
    'problem:read',
    'problem:write',
  ]),
  supervisor: new Set<Permission>([
    'case:read',
    'case:write',
    'customer:read',
    'customer:write',
    'customer:merge',
    'team:read',
    'user:read',
    'user:availability',
    'field:read',
    'workspace:read',
    'template:read',
    'template:write',
    'view:write',
    'view:share',
    'routing:read',
    'sla:read',
    'followUp:read',
    'analytics:read',
    'compensation:approve',
    'compensation:ledger',
    'moderation:decide',
    'story:manage',
    'problem:read',
    'problem:write',
  ]),
  agent: new Set<Permission>([
    'case:read',
    'case:write',
    'customer:read',
    'customer:write',
    'team:read',
    'user:read',
    'field:read',
    'workspace:read',
    'template:read',
    'view:write',
    'problem:read',
  ]),
  analyst: new Set<Permission>([
    'case:read',
    'customer:read',
    'team:read',
    'user:read',
    'field:read',
    'workspace:read',
    'view:write',
    'analytics:read',
    'compensation:ledger',
    'problem:read',
    'problem:write',
  ]),
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].has(permission);
}

export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) {
    throw new AppError('forbidden', {
      en: `Your role (${role}) does not allow this action (${permission}).`,
      ar: `دورك (${role}) لا يسمح بهذا الإجراء (${permission}).`,
    });
  }
}
