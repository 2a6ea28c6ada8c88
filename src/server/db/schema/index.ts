export * from './auth.ts';
export * from './accounts.ts';
export * from './mail.ts';
export * from './catalog.ts';
export * from './audit.ts';
export * from './jobs.ts';
export * from './notifications.ts';
export * from './idempotency.ts';
