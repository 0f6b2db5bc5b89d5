import { describe, expect, it } from 'vitest';
import { createPresenceBoard } from './presence.ts';

const TTL = 30_000;
const notice = (
  socketId: string,
  userId: string,
  referenceNumber: string | null,
  state: 'viewing' | 'typing' = 'viewing',
) => ({
  type: 'presence' as const,
  workspaceId: 'w1',
  socketId,
  userId,
  name: userId.toUpperCase(),
  referenceNumber,
  state,
});

describe('the presence board', () => {
  it('reports a change only when the viewers of a case change', () => {
    const board = createPresenceBoard(TTL);

    expect(board.apply(notice('s1', 'sara', 'C-1'), 0)).toEqual([
      {
        workspaceId: 'w1',
        referenceNumber: 'C-1',
        viewers: [{ userId: 'sara', name: 'SARA', state: 'viewing' }],
      },
    ]);
    expect(board.apply(notice('s1', 'sara', 'C-1'), 1_000)).toEqual([]);
    expect(board.apply(notice('s2', 'sara', 'C-1'), 2_000)).toEqual([]);
    expect(board.apply(notice('s2', 'sara', 'C-1', 'typing'), 3_000)[0]?.viewers).toEqual([
      { userId: 'sara', name: 'SARA', state: 'typing' },
    ]);
  });

  it('moves a socket from one case to the next and forgets it on null', () => {
    const board = createPresenceBoard(TTL);
    board.apply(notice('s1', 'sara', 'C-1'), 0);

    const moved = board.apply(notice('s1', 'sara', 'C-2'), 1_000);
    const left = board.apply(notice('s1', 'sara', null), 2_000);

    expect(moved.map((change) => [change.referenceNumber, change.viewers.length])).toEqual([
      ['C-1', 0],
      ['C-2', 1],
    ]);
    expect(left).toEqual([{ workspaceId: 'w1', referenceNumber: 'C-2', viewers: [] }]);
    expect(board.snapshot('w1')).toEqual([]);
  });

  it('drops an entry once its time is up, counted from its socket’s last notice', () => {
    const board = createPresenceBoard(TTL);
    board.apply(notice('s1', 'sara', 'C-1'), 0);
    board.apply(notice('s2', 'omar', 'C-1'), 10_000);

    expect(board.sweep(TTL - 1)).toEqual([]);
    expect(board.sweep(TTL)[0]?.viewers.map((viewer) => viewer.userId)).toEqual(['omar']);
    expect(board.sweep(TTL + 10_000)).toEqual([{ workspaceId: 'w1', referenceNumber: 'C-1', viewers: [] }]);
    expect(board.snapshot('w1')).toEqual([]);
  });

  it('keeps workspaces apart', () => {
    const board = createPresenceBoard(TTL);
    board.apply(notice('s1', 'sara', 'C-1'), 0);
    board.apply({ ...notice('s2', 'omar', 'C-1'), workspaceId: 'w2' }, 0);

    expect(board.snapshot('w1').map((change) => change.viewers.map((viewer) => viewer.userId))).toEqual([
      ['sara'],
    ]);
    expect(board.snapshot('w2').map((change) => change.viewers.map((viewer) => viewer.userId))).toEqual([
      ['omar'],
    ]);
  });
});
