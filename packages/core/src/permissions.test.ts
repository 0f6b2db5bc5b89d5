import { describe, expect, it } from 'vitest';
import { assertCan, can } from './permissions.ts';

describe('roles', () => {
  it('lets analysts read everything and change nothing', () => {
    expect(can('analyst', 'case:read')).toBe(true);
    expect(can('analyst', 'customer:read')).toBe(true);
    for (const permission of [
      'case:write',
      'customer:write',
      'customer:merge',
      'user:manage',
      'team:manage',
      'field:manage',
    ] as const) {
      expect(can('analyst', permission), permission).toBe(false);
    }
  });

  it('keeps workspace administration to admins', () => {
    for (const role of ['supervisor', 'agent', 'analyst'] as const) {
      expect(can(role, 'user:manage')).toBe(false);
      expect(can(role, 'team:manage')).toBe(false);
      expect(can(role, 'field:manage')).toBe(false);
    }
    expect(can('admin', 'user:manage')).toBe(true);
  });

  it('lets supervisors but not agents merge customers', () => {
    expect(can('supervisor', 'customer:merge')).toBe(true);
    expect(can('agent', 'customer:merge')).toBe(false);
  });

  it('lets admins and supervisors write templates and share views, agents only read and keep their own', () => {
    for (const role of ['admin', 'supervisor'] as const) {
      expect(can(role, 'template:write')).toBe(true);
      expect(can(role, 'view:share')).toBe(true);
    }
    expect(can('agent', 'template:read')).toBe(true);
    expect(can('agent', 'template:write')).toBe(false);
    expect(can('agent', 'view:share')).toBe(false);
    expect(can('analyst', 'template:read')).toBe(false);
    expect(can('analyst', 'view:write')).toBe(true);
  });

  it('keeps workspace settings to admins, readable by everyone', () => {
    for (const role of ['admin', 'supervisor', 'agent', 'analyst'] as const) {
      expect(can(role, 'workspace:read')).toBe(true);
      expect(can(role, 'workspace:admin')).toBe(role === 'admin');
    }
  });

  it('says which role lacks which permission', () => {
    expect(() => assertCan('agent', 'user:manage')).toThrow(
      'Your role (agent) does not allow this action (user:manage).',
    );
  });
});
