/** The fixed lists of a profile, shared by the database schema, the contracts and the web app. */
export const AVAILABILITIES = ['available', 'limited', 'unavailable'] as const;
export const LANGUAGE_LEVELS = ['basic', 'conversational', 'fluent', 'native'] as const;
export const PROFILE_VISIBILITIES = ['public', 'hidden'] as const;
