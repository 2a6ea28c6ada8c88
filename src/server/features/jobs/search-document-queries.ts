import { sql, type SQL } from 'drizzle-orm';

/**
 * The board's full-text document of a job: title (weight A), skills (B), summary (C), with the
 * `english` configuration (stemmed: "designs" finds "design"). Every write of title, summary or skills sets it.
 */
export function searchDocument(title: string, summary: string, skills: string[]): SQL {
  return sql`setweight(to_tsvector('english', ${title}), 'A') || setweight(to_tsvector('english', ${skills.join(' ')}), 'B') || setweight(to_tsvector('english', ${summary}), 'C')`;
}
