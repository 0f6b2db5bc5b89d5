export * from './auth.ts';
export * from './cases.ts';
export * from './common.ts';
export * from './customers.ts';
export * from './live.ts';
export * from './people.ts';
