/**
 * Everyone may ask whether Handoff is up and how it is deployed: load balancers and the sign-in
 * page ask before anyone is signed in. Nothing here is private (no secret in `/api/v1/meta`).
 */
export const HEALTH_ACCESS = 'public' as const;
