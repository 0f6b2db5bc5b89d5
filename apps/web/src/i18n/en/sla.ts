/** Strings of the SLA clocks: the inbox's time left, the case's SLA panel, timeline and notifications. */
export const enSla = {
  target: {
    first_response: 'First response',
    next_response: 'Next response',
    update: 'Update',
    resolution: 'Resolution',
  },
  status: { running: 'Running', paused: 'Paused', met: 'Met', breached: 'Breached' },
  /** Compact durations: "2h 10m". */
  units: { d: '{{count}}d', h: '{{count}}h', m: '{{count}}m' },
  left: '{{time}} left',
  over: 'breached {{time}}',
  paused: 'paused',
  badgeLabel: 'Service level: {{state}}',
  panel: {
    title: 'Service level',
    due: 'Due {{date}}',
    pausedDue: 'Paused while waiting on the customer',
    metBy: 'Met with {{time}} to spare',
    metOnTime: 'Met on time',
    overBy: 'Breached by {{time}}',
    leftBy: '{{time}} left',
    businessTime: 'Times are business time, on the policy’s calendar.',
    warned: 'Assignee warned',
    escalated: 'Escalated',
  },
  timeline: {
    policyApplied: 'SLA policy “{{name}}” applies',
    warned: '{{target}} is close to its due time',
    breached: '{{target}} passed its due time',
    cleared: 'SLA escalation cleared: {{targets}}',
    clearedNoPolicy: 'No SLA policy applies any more; its clocks were removed',
  },
  notification: {
    warning: 'Due soon: {{subject}}',
    breached: 'SLA breached: {{subject}}',
  },
};
