import type { Mode } from './policy.ts';

/**
 * The `<head>` of the public directory page `/pros`, for the server-side head tags of public
 * pages (the First impressions work wires it into the SPA fallback): title, description and the
 * Open Graph pair. Null in a private workspace, where `/pros` is not public.
 */
export function directoryPageHead(mode: Mode): { title: string; description: string } | null {
  if (mode === 'workspace') return null;
  return {
    title: 'Find professionals · Handoff',
    description:
      'Search freelancers and agencies by skill, hourly rate in your currency, rating and the hours their working day shares with yours.',
  };
}
