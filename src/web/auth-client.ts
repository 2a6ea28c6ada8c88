import { createAuthClient } from 'better-auth/client';

/** better-auth's client for sign-up, sign-in, sign-out, verification and password reset. */
export const authClient = createAuthClient({
  baseURL: window.location.origin,
  basePath: '/api/auth',
});
