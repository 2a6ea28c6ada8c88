import { z } from 'zod';
import { TagsSchema } from '../../../core/contracts/pool.ts';

/** Tags typed as one comma-separated line, checked by the contract's rule for a tag list. */
export const TagsLineSchema = z
  .string()
  .transform((line) =>
    line
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== ''),
  )
  .pipe(TagsSchema);

export const tagsLine = (tags: string[]) => tags.join(', ');
