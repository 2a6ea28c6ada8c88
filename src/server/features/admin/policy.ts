/**
 * Who may read the dev mailbox: an admin of this Handoff (`mailbox.read` in the permissions
 * table) — it holds every link Handoff sent, invitation and reset links included. The route
 * declares it and `lib/access.ts` enforces it before the handler runs; no row-level check.
 */
export const MAILBOX_READ = 'mailbox.read' as const;
