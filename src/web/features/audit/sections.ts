/** The active audit's sections, kept in the address (?section=) so a reload stays put. */
export const SECTIONS = ['log', 'tasks', 'import', 'results'] as const;
export type Section = (typeof SECTIONS)[number];
