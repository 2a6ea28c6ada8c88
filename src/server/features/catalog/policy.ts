/**
 * Who may change the catalog: an admin of this Handoff (`catalog.manage` in the permissions
 * table), which each admin route declares and `lib/access.ts` enforces before the handler runs;
 * anyone, signed in or not, reads the categories (the job board filters by them). Nothing here
 * depends on a row, so there is no per-row check to make.
 */
export const CATALOG_READ = 'public' as const;
export const CATALOG_WRITE = 'catalog.manage' as const;
