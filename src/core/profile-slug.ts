/**
 * A profile's public address (`/pros/<slug>`) made from the person's name: ASCII letters and
 * digits joined by single dashes ("José Müller" → "jose-muller"), so the address reads the same
 * in every browser and chat preview. A name with nothing left (another script) gives "pro".
 */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  return slug.length >= 3 ? slug : slug ? `${slug}-pro` : 'pro';
}
