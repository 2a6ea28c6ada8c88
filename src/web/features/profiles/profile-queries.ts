/** The profile feature's query keys, queries and mutations. */
import { useGuardedMutation } from '../../use-guarded-mutation.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyProfile, ProfileFile, SaveProfileInput } from '../../../core/contracts/profiles.ts';
import { api, ApiError } from '../../api.ts';
import { uploadFile } from '../audit/upload.ts';

export const profileKeys = {
  mine: ['profile', 'mine'] as const,
  public: (slug: string) => ['profile', 'public', slug] as const,
};

/** The caller's profile; null when they have not started one. */
export function useMyProfile() {
  return useQuery({
    queryKey: profileKeys.mine,
    queryFn: async (): Promise<MyProfile | null> => {
      try {
        return await api('GET /me/profile');
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 404) return null;
        throw error;
      }
    },
  });
}

export function usePublicProfile(slug: string) {
  return useQuery({
    queryKey: profileKeys.public(slug),
    queryFn: () => api('GET /pros/:slug', { params: { slug } }),
    retry: (count, error) =>
      !(error instanceof ApiError && error.problem.status === 404) && count < 2,
  });
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: SaveProfileInput) => api('PUT /me/profile', { body }),
    onSuccess: (saved) => queryClient.setQueryData(profileKeys.mine, saved),
  });
}

/** What the editor sends back for the profile as saved: every section unchanged. */
export function toInput(p: MyProfile): SaveProfileInput {
  return {
    expectedUpdatedAt: p.updatedAt,
    slug: p.slug,
    headline: p.headline,
    bio: p.bio,
    skills: p.skills.map((s) => ({ name: s.name, years: s.years })),
    categories: p.categories,
    experience: p.experience,
    education: p.education,
    certifications: p.certifications,
    portfolio: p.portfolio.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      links: i.links,
    })),
    hourlyRate: p.hourlyRate,
    timeZone: p.ownTimeZone,
    workingHours: p.workingHours,
    languages: p.languages,
    country: p.country,
    availability: p.availability,
    visibility: p.visibility,
  };
}

/** Uploads the photo or a portfolio file (raw body); refreshes the profile afterwards. */
export function uploadProfileFile(path: string, file: File, onProgress: (pct: number) => void) {
  const q = new URLSearchParams({ name: file.name.slice(0, 200) || 'file' });
  return uploadFile<ProfileFile>(
    `${path}?${q.toString()}`,
    file,
    'application/octet-stream',
    (l, t) => onProgress(t > 0 ? Math.round((l / t) * 100) : 0),
  );
}

export function useDeleteProfileFile() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (fileId: string) => api('DELETE /me/profile/files/:fileId', { params: { fileId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.mine }),
  });
}

export function useStartProfile() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: () => api('POST /me/professional-profile'),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await queryClient.invalidateQueries({ queryKey: profileKeys.mine });
    },
  });
}

/** Language names in English for ISO 639-1 codes, as the browser knows them. */
export function languageOptions(): { value: string; label: string }[] {
  return codes('language', (c) => c.toLowerCase());
}

/** Country names for ISO 3166 codes. */
export function countryOptions(): { value: string; label: string }[] {
  return codes('region', (c) => c.toUpperCase());
}

const cache = new Map<string, { value: string; label: string }[]>();
function codes(type: 'language' | 'region', shape: (c: string) => string) {
  const hit = cache.get(type);
  if (hit) return hit;
  const names = new Intl.DisplayNames(['en'], { type, fallback: 'none' });
  const out: { value: string; label: string }[] = [];
  const a = 'a'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = shape(String.fromCharCode(a + i, a + j));
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        name = undefined;
      }
      if (name && name !== code) out.push({ value: code, label: name });
    }
  }
  out.sort((x, y) => x.label.localeCompare(y.label));
  cache.set(type, out);
  return out;
}

export function languageName(code: string): string {
  return languageOptions().find((o) => o.value === code)?.label ?? code;
}
export function countryName(code: string): string {
  return countryOptions().find((o) => o.value === code)?.label ?? code;
}
