/** Only same-site paths may be a post-sign-in destination (no open redirects). */
export function safeNext(next: string | undefined, fallback = '/app'): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
