import { AppError } from './errors.ts';
import type { Role } from './vocabulary.ts';

/** What a route may ask of a role. Analysts read everything and change nothing. */
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
  | 'field:read'
  | 'field:manage'
  | 'workspace:export';

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
    'field:read',
    'field:manage',
    'workspace:export',
  ]),
  supervisor: new Set<Permission>([
    'case:read',
    'case:write',
    'customer:read',
    'customer:write',
    'customer:merge',
    'team:read',
    'user:read',
    'field:read',
  ]),
  agent: new Set<Permission>([
    'case:read',
    'case:write',
    'customer:read',
    'customer:write',
    'team:read',
    'user:read',
    'field:read',
  ]),
  analyst: new Set<Permission>(['case:read', 'customer:read', 'team:read', 'user:read', 'field:read']),
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
