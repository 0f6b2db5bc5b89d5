import { describe, expect, it } from 'vitest';
import { createCase, createTestWorkspace, useTestServer } from './harness.ts';

const server = useTestServer();

describe('workspace settings', () => {
  it('shows every role the settings of its own workspace', async () => {
    const workspace = await createTestWorkspace(server(), { referencePrefix: 'ACME' });
    const { client: analyst } = await workspace.signIn('analyst');

    const response = await analyst.get('/api/workspace');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: workspace.workspaceId,
      slug: workspace.slug,
      name: `Test ${workspace.slug}`,
      referencePrefix: 'ACME',
      defaultLanguage: 'ar',
      timeZone: 'Asia/Riyadh',
    });
  });

  it('lets an admin rename the workspace and change its language and time zone, spelt as Intl spells it', async () => {
    const { admin } = await createTestWorkspace(server());

    const response = await admin.patch('/api/workspace', {
      name: 'متجر الندى',
      defaultLanguage: 'en',
      timeZone: 'africa/cairo',
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'متجر الندى',
      defaultLanguage: 'en',
      timeZone: 'Africa/Cairo',
    });
    expect((await admin.get('/api/workspace')).body).toEqual(response.body);
    expect((await admin.get('/api/me')).body.user.workspace).toMatchObject({ name: 'متجر الندى' });
  });

  it('refuses an unknown time zone, naming it in Arabic and in English', async () => {
    const { admin } = await createTestWorkspace(server());

    const english = await admin.patch('/api/workspace', { timeZone: 'Mars/Olympus' });
    const arabic = await admin.patch(
      '/api/workspace',
      { timeZone: 'Mars/Olympus' },
      { 'accept-language': 'ar' },
    );

    expect(english.status).toBe(422);
    expect(english.body.error.message).toContain('"Mars/Olympus" is not a time zone');
    expect(english.body.error.fields).toEqual([
      { path: 'timeZone', message: 'unknown time zone "Mars/Olympus"' },
    ]);
    expect(arabic.body.error.message).toContain('«Mars/Olympus» ليست منطقة زمنية');
    expect((await admin.get('/api/workspace')).body.timeZone).toBe('Asia/Riyadh');
  });

  it.each([
    'ab',
    'A',
    'TOOLONGX',
    'AB1',
  ])('refuses the reference prefix %s as creation does', async (prefix) => {
    const { admin } = await createTestWorkspace(server());

    const response = await admin.patch('/api/workspace', { referencePrefix: prefix });

    expect(response.status).toBe(422);
    expect(response.body.error.fields).toEqual([
      { path: 'referencePrefix', message: 'Use 2 to 6 capital letters A–Z.' },
    ]);
  });

  it('numbers new cases with a new prefix, keeps old references, and writes an audit record', async () => {
    const { admin, adminId, workspaceId } = await createTestWorkspace(server(), { referencePrefix: 'OLD' });
    const before = await createCase(admin);

    const changed = await admin.patch('/api/workspace', { referencePrefix: 'NEW' });
    const after = await createCase(admin);

    expect(changed.status).toBe(200);
    expect(before.referenceNumber).toMatch(/^OLD-\d{4}-000001$/);
    expect(after.referenceNumber).toMatch(/^NEW-\d{4}-000002$/);
    const old = await admin.get(`/api/cases/${before.referenceNumber}`);
    expect(old.status).toBe(200);
    expect(old.body.referenceNumber).toBe(before.referenceNumber);
    const audit = await server().database.query<{ action: string; actor_user_id: string; details: unknown }>(
      'SELECT action, actor_user_id, details FROM audit_record WHERE workspace_id = $1',
      [workspaceId],
    );
    expect(audit).toEqual([
      {
        action: 'workspace.settings_changed',
        actor_user_id: adminId,
        details: { referencePrefix: { before: 'OLD', after: 'NEW' } },
      },
    ]);
  });

  it('writes no audit record for a change to the same values', async () => {
    const { admin, workspaceId } = await createTestWorkspace(server());

    const response = await admin.patch('/api/workspace', { timeZone: 'Asia/Riyadh', defaultLanguage: 'ar' });

    expect(response.status).toBe(200);
    const audit = await server().database.query('SELECT id FROM audit_record WHERE workspace_id = $1', [
      workspaceId,
    ]);
    expect(audit).toEqual([]);
  });

  it('changes only the admin’s own workspace', async () => {
    const a = await createTestWorkspace(server());
    const b = await createTestWorkspace(server());

    await a.admin.patch('/api/workspace', { name: 'Only A', referencePrefix: 'ONLYA' });

    expect((await b.admin.get('/api/workspace')).body).toMatchObject({
      id: b.workspaceId,
      name: `Test ${b.slug}`,
      referencePrefix: 'TST',
    });
  });

  it('refuses unknown fields and an unknown language with 422', async () => {
    const { admin } = await createTestWorkspace(server());

    const unknownField = await admin.patch('/api/workspace', { slug: 'taken-over' });
    const unknownLanguage = await admin.patch('/api/workspace', { defaultLanguage: 'fr' });

    expect(unknownField.status).toBe(422);
    expect(unknownLanguage.status).toBe(422);
    expect(unknownLanguage.body.error.fields[0].path).toBe('body.defaultLanguage');
  });
});

describe('your own language and name', () => {
  it('follows the workspace default until you choose, and again after you clear your choice', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: agent } = await workspace.signIn('agent');

    expect((await agent.get('/api/me')).body.user.language).toBe('ar');
    const chosen = await agent.patch('/api/me', { language: 'en' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.user.language).toBe('en');
    expect((await agent.get('/api/me')).body.user.language).toBe('en');

    await workspace.admin.patch('/api/workspace', { defaultLanguage: 'en' });
    await agent.patch('/api/me', { language: 'ar' });
    expect((await agent.get('/api/me')).body.user.language).toBe('ar');
    const cleared = await agent.patch('/api/me', { language: null });
    expect(cleared.body.user.language).toBe('en');
    expect((await workspace.admin.get('/api/me')).body.user.language).toBe('en');
  });

  it('renames you, and the timeline names you by the new name from then on', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: agent } = await workspace.signIn('agent', { name: 'Old Name' });
    const created = await createCase(agent);

    const renamed = await agent.patch('/api/me', { name: 'نورة العتيبي' });
    await agent.patch(`/api/cases/${created.referenceNumber}`, { priority: 'P1' });

    expect(renamed.status).toBe(200);
    expect(renamed.body.user).toMatchObject({ name: 'نورة العتيبي', role: 'agent' });
    expect(renamed.body.csrfToken).toEqual(expect.any(String));
    const timeline = (await agent.get(`/api/cases/${created.referenceNumber}`)).body.timeline;
    expect(timeline.map((event: { actorLabel: string }) => event.actorLabel)).toEqual([
      'Old Name',
      'نورة العتيبي',
    ]);
  });

  it('changes nothing of other users and refuses other fields', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: agent } = await workspace.signIn('agent');

    const promote = await agent.patch('/api/me', { role: 'admin' });
    const french = await agent.patch('/api/me', { language: 'fr' });
    await agent.patch('/api/me', { language: 'en' });

    expect(promote.status).toBe(422);
    expect(french.status).toBe(422);
    expect((await agent.get('/api/me')).body.user.role).toBe('agent');
    expect((await workspace.admin.get('/api/me')).body.user.language).toBe('ar');
  });
});
