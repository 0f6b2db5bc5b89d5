import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { connectLive, createCase, createTestWorkspace, useTestServer, waitFor } from './harness.ts';

const server = useTestServer();

/** A workspace with an author (supervisor) and two agents, and one case. */
async function team() {
  const workspace = await createTestWorkspace(server());
  const author = await workspace.signIn('supervisor', { name: 'Sara Ali' });
  const noura = await workspace.signIn('agent', { name: 'نورة العتيبي' });
  const omar = await workspace.signIn('agent', { name: 'Omar Haddad' });
  const created = await createCase(workspace.admin, { subject: 'الطلب ما وصل' });
  return { workspace, author, noura, omar, created, at: `/api/cases/${created.referenceNumber}/messages` };
}

describe('mentions in notes', () => {
  it('notifies each mentioned colleague, with the case, who wrote and the start of the note', async () => {
    const { author, noura, omar, created, at } = await team();

    const note = await author.client.post(at, {
      type: 'note',
      body: '@نورة ممكن تتصلين بالعميل اليوم؟',
      mentions: [noura.userId, omar.userId, noura.userId],
    });

    expect(note.status).toBe(201);
    for (const mentioned of [noura, omar]) {
      const list = await mentioned.client.get('/api/notifications');
      expect(list.status).toBe(200);
      expect(list.body).toEqual({
        items: [
          {
            id: expect.any(String),
            type: 'mention',
            caseReference: created.referenceNumber,
            caseSubject: 'الطلب ما وصل',
            messageId: note.body.id,
            actorName: 'Sara Ali',
            excerpt: '@نورة ممكن تتصلين بالعميل اليوم؟',
            createdAt: expect.any(String),
            readAt: null,
          },
        ],
        unreadCount: 1,
      });
    }
    expect((await author.client.get('/api/notifications')).body).toEqual({ items: [], unreadCount: 0 });
    const timeline = (await author.client.get(`/api/cases/${created.referenceNumber}`)).body.timeline;
    expect(timeline.at(-1)).toMatchObject({
      type: 'message.added',
      changes: { messageId: note.body.id, mentions: [noura.userId, omar.userId] },
    });
  });

  it('does not notify authors who mention themselves', async () => {
    const { author, at } = await team();

    await author.client.post(at, { type: 'note', body: 'Reminder to self', mentions: [author.userId] });

    expect((await author.client.get('/api/notifications')).body.unreadCount).toBe(0);
  });

  it('cuts a long note to 140 characters in the list', async () => {
    const { author, noura, at } = await team();

    await author.client.post(at, {
      type: 'note',
      body: `${'كلمة '.repeat(60)}\n\nend`,
      mentions: [noura.userId],
    });

    const [item] = (await noura.client.get('/api/notifications')).body.items;
    expect(item.excerpt).toHaveLength(140);
    expect(item.excerpt.endsWith('…')).toBe(true);
  });

  it('refuses mentions in a reply to the customer with 422, and writes nothing', async () => {
    const { author, noura, created, at } = await team();

    const response = await author.client.post(at, { type: 'reply', body: 'Hello', mentions: [noura.userId] });

    expect(response.status).toBe(422);
    expect(response.body.error.fields).toEqual([
      { path: 'body.mentions', message: expect.stringContaining('Only internal notes can mention') },
    ]);
    expect((await author.client.get(`/api/cases/${created.referenceNumber}`)).body.messages).toEqual([]);
  });

  it('refuses unknown, deactivated and other-workspace users with 422 naming them, and writes nothing', async () => {
    const { workspace, author, noura, omar, created, at } = await team();
    const other = await createTestWorkspace(server());
    const unknown = randomUUID();
    await workspace.admin.patch(`/api/users/${omar.userId}`, { isActive: false });

    const response = await author.client.post(at, {
      type: 'note',
      body: 'Look at this',
      mentions: [noura.userId, unknown, other.adminId, omar.userId],
    });

    expect(response.status).toBe(422);
    expect(response.body.error.message).toBe(
      `Only active users of this workspace can be mentioned; not: ${unknown}, ${other.adminId}, ${omar.userId}.`,
    );
    expect(response.body.error.fields.map((field: { path: string }) => field.path)).toEqual([
      'mentions.1',
      'mentions.2',
      'mentions.3',
    ]);
    expect((await author.client.get(`/api/cases/${created.referenceNumber}`)).body.messages).toEqual([]);
    expect((await noura.client.get('/api/notifications')).body.unreadCount).toBe(0);
  });

  it('refuses more than 20 mentions in one note', async () => {
    const { author, at } = await team();

    const response = await author.client.post(at, {
      type: 'note',
      body: 'Everyone!',
      mentions: Array.from({ length: 21 }, () => randomUUID()),
    });

    expect(response.status).toBe(422);
  });
});

describe('reading notifications', () => {
  it('marks one read, filters read and unread, then marks all read', async () => {
    const { author, noura, at } = await team();
    for (const body of ['first', 'second', 'third'])
      await author.client.post(at, { type: 'note', body, mentions: [noura.userId] });
    const [newest, middle] = (await noura.client.get('/api/notifications')).body.items;
    expect(newest.excerpt).toBe('third');

    const read = await noura.client.post(`/api/notifications/${middle.id}/read`);
    const again = await noura.client.post(`/api/notifications/${middle.id}/read`);

    expect(read.body).toEqual({ unreadCount: 2 });
    expect(again.body).toEqual({ unreadCount: 2 });
    const unread = (await noura.client.get('/api/notifications?unread=true')).body;
    expect(unread.items.map((item: { excerpt: string }) => item.excerpt)).toEqual(['third', 'first']);
    const readOnes = (await noura.client.get('/api/notifications?unread=false')).body.items;
    expect(readOnes).toEqual([{ ...middle, readAt: expect.any(String) }]);
    expect((await noura.client.post('/api/notifications/read-all')).body).toEqual({ unreadCount: 0 });
    expect((await noura.client.get('/api/notifications?unread=true')).body).toEqual({
      items: [],
      unreadCount: 0,
    });
  });

  it('never lets one user read or mark another’s notifications, even an admin', async () => {
    const { workspace, author, noura, omar, at } = await team();
    await author.client.post(at, { type: 'note', body: 'for Noura', mentions: [noura.userId] });
    const [item] = (await noura.client.get('/api/notifications')).body.items;

    const byOmar = await omar.client.post(`/api/notifications/${item.id}/read`);
    const byAdmin = await workspace.admin.post(`/api/notifications/${item.id}/read`);
    await omar.client.post('/api/notifications/read-all');

    expect(byOmar.status).toBe(404);
    expect(byAdmin.status).toBe(404);
    expect((await noura.client.get('/api/notifications')).body.unreadCount).toBe(1);
  });

  it('refuses an unread filter other than true or false', async () => {
    const { noura } = await team();

    expect((await noura.client.get('/api/notifications?unread=yes')).status).toBe(422);
  });
});

describe('live notification events', () => {
  it('reach only the sockets of the mentioned user', async () => {
    const { author, noura, omar, created, at } = await team();
    const [nouraLive, omarLive] = [await connectLive(noura.client), await connectLive(omar.client)];
    try {
      const note = await author.client.post(at, {
        type: 'note',
        body: 'Noura only',
        mentions: [noura.userId],
      });
      const [item] = (await noura.client.get('/api/notifications')).body.items;

      await waitFor(() => nouraLive.events.find((event) => event.type === 'notification.created'));
      await waitFor(() => omarLive.events.find((event) => event.type === 'message.created'));
      const message = {
        type: 'message.created',
        caseId: created.id,
        referenceNumber: created.referenceNumber,
        messageId: note.body.id,
      };
      expect(nouraLive.events.slice(1)).toEqual([
        message,
        { type: 'notification.created', notificationId: item.id },
      ]);
      expect(omarLive.events.slice(1)).toEqual([message]);
    } finally {
      await Promise.all([nouraLive.close(), omarLive.close()]);
    }
  });
});
