/**
 * The listing form's fields as a person types them (lists as text, one item per line or comma),
 * turned into the contract's shape by the same zod rules the server applies.
 */
import { z } from 'zod';
import {
  CountryCodeSchema,
  SaveListingSchema,
  WebsiteSchema,
  type OwnListing,
} from '../../../core/contracts/network.ts';
import { freeText, TimeZoneSchema } from '../../../core/contracts/common.ts';

const items = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

export const ListingFormSchema = z.object({
  name: SaveListingSchema.shape.name,
  description: SaveListingSchema.shape.description,
  services: z
    .string()
    .transform(items)
    .pipe(z.array(freeText(80)).max(20, 'At most 20 services')),
  categorySlugs: z.array(z.string()),
  teamSize: z
    .string()
    .transform((s) => (s.trim() === '' ? null : Number(s)))
    .pipe(
      z
        .number({ message: 'Use a whole number' })
        .int('Use a whole number')
        .min(1)
        .max(100_000)
        .nullable(),
    ),
  website: z
    .string()
    .transform((s) => s.trim() || null)
    .pipe(WebsiteSchema.nullable()),
  countries: z
    .string()
    .transform((s) => items(s).map((c) => c.toUpperCase()))
    .pipe(z.array(CountryCodeSchema).max(60)),
  timeZones: z.string().transform(items).pipe(z.array(TimeZoneSchema).max(30)),
});
export type ListingFormValues = z.input<typeof ListingFormSchema>;

export function listingFormValues(listing: OwnListing | null): ListingFormValues {
  return {
    name: listing?.name ?? '',
    description: listing?.description ?? '',
    services: listing?.services.join('\n') ?? '',
    categorySlugs: listing?.categorySlugs ?? [],
    teamSize: listing?.teamSize?.toString() ?? '',
    website: listing?.website ?? '',
    countries: listing?.countries.join(', ') ?? '',
    timeZones: listing?.timeZones.join(', ') ?? '',
  };
}

/**
 * The message of a list field typed as text: its own, or its first item's (the server and the
 * schema name `countries.1`, the person sees one text box).
 */
export function listFieldMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string' && error.message)
    return error.message;
  // Only the items (numeric keys): `ref` is a DOM element, not an error to search.
  for (const [key, item] of Object.entries(error)) {
    if (!/^\d+$/.test(key) || !item || typeof item !== 'object') continue;
    if ('message' in item && typeof item.message === 'string' && item.message) return item.message;
  }
  return undefined;
}
