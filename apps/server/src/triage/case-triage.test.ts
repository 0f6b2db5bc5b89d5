import { classify } from '@sada/triage';
import { describe, expect, it } from 'vitest';
import { applyReading, type CaseTriageState } from './case-triage.ts';

const at = new Date('2026-11-26T10:00:00Z');
const fresh: CaseTriageState = {
  kind: 'complaint',
  category: null,
  sentiment: null,
  language: null,
  priority: 'P3',
  triage: null,
  locked: [],
};

function read(state: CaseTriageState, text: string, messageId: string | null = null, isPublic = false) {
  const { triage, changes } = applyReading(
    state,
    { messageId, text, classification: classify(text), modelVersion: 'base-test', at },
    { isPublic },
  );
  return { triage, changes, next: { ...state, ...changes, triage } as CaseTriageState };
}

describe('applyReading', () => {
  it('sets every unlocked field from the first reading, lower priority included', () => {
    const { changes, triage } = read(
      fresh,
      'Thank you so much, the delivery was fast and the team was lovely!',
    );
    expect(changes.kind).toBe('praise');
    expect(changes.sentiment).toBe('positive');
    expect(changes.language).toBe('en');
    expect(changes.priority).toBe('P4');
    expect(triage.basis).toEqual(triage.source);
  });

  it('never touches a locked field', () => {
    const { changes } = read(
      { ...fresh, locked: ['priority', 'kind'] },
      'I will sue you, my lawyer will contact you tomorrow',
    );
    expect(changes.priority).toBeUndefined();
    expect(changes.kind).toBeUndefined();
    expect(changes.language).toBe('en');
  });

  it('raises the priority on a later threat but never lowers it for a calm message', () => {
    const first = read(fresh, 'The charger I bought stopped working after two days, I want a refund');
    const threat = read(
      first.next,
      'If this is not fixed today I will take legal action and go to the press',
      'm1',
    );
    expect(Number(threat.next.priority.slice(1))).toBeLessThan(Number(first.next.priority.slice(1)));
    expect(threat.triage.signals.find((signal) => signal.type === 'legal_threat')?.messageId).toBe('m1');
    const calm = read(threat.next, 'ok, thank you', 'm2');
    expect(calm.changes.priority).toBeUndefined();
    expect(calm.triage.priority).toEqual(threat.triage.priority);
    // the threat is still known after a calm message
    expect(calm.triage.signals.map((signal) => signal.type)).toContain('legal_threat');
  });

  it('takes kind and category from a later message only when the first text said nothing', () => {
    const empty = read(fresh, 'ok');
    expect(empty.triage.kind.label).toBe('other');
    const real = read(
      empty.next,
      'The charger I bought stopped working after two days, I want a refund',
      'm1',
    );
    expect(real.triage.kind.label).toBe('complaint');
    expect(real.triage.basis.messageId).toBe('m1');
    const later = read(real.next, 'Also can you tell me your opening hours?', 'm2');
    expect(later.triage.kind.label).toBe('complaint');
    expect(later.triage.basis.messageId).toBe('m1');
  });
});
