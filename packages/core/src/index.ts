export * from './case-status.ts';
export * from './clock.ts';
export * from './custom-fields.ts';
export * from './errors.ts';
export * from './permissions.ts';
export * from './reference-number.ts';
export * from './timeline.ts';
export * from './vocabulary.ts';
