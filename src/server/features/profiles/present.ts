/** Profile rows → the contract shapes. */
import type {
  Availability,
  MyProfile,
  ProfileFile,
  PublicProfile,
} from '../../../core/contracts/profiles.ts';
import { renderMarkdown } from '../../../core/markdown.ts';
import type { Completeness } from '../../../core/profile-completeness.ts';
import type { OwnerRow, ProfileChildren, ProfileFileRow, ProfileRow } from './queries.ts';

const iso = (d: Date) => d.toISOString();

export function fileUrl(id: string): string {
  return `/api/v1/profile-files/${id}`;
}

export function presentFile(f: ProfileFileRow): ProfileFile {
  return {
    id: f.id,
    kind: f.kind,
    name: f.name,
    contentType: f.contentType,
    size: f.size,
    width: f.width,
    height: f.height,
    url: fileUrl(f.id),
    thumbnailUrl: f.thumbnailKey ? `${fileUrl(f.id)}?variant=thumbnail` : null,
  };
}

export function availabilityOf(p: ProfileRow): Availability {
  switch (p.availability) {
    case 'limited':
      return { status: 'limited', hoursPerWeek: p.availabilityHoursPerWeek ?? 1 };
    case 'available':
    case 'unavailable':
      return { status: p.availability };
    default:
      return p.availability satisfies never;
  }
}

/** `YYYY-MM-01` → `YYYY-MM`. */
const month = (d: string) => d.slice(0, 7);

function content(p: ProfileRow, owner: OwnerRow, c: ProfileChildren) {
  const photo = c.files.find((f) => f.kind === 'photo' && f.portfolioItemId === null) ?? null;
  return {
    slug: p.slug ?? '',
    name: owner.name,
    headline: p.headline,
    bio: p.bio,
    photo: photo ? presentFile(photo) : null,
    skills: c.skills.map((s) => ({ slug: s.slug, name: s.name, years: s.years })),
    categories: p.categorySlugs,
    experience: c.experience.map((e) => ({
      id: e.id,
      company: e.company,
      role: e.role,
      start: month(e.startMonth),
      end: e.endMonth ? month(e.endMonth) : null,
      description: e.description,
    })),
    education: c.education.map((e) => ({
      id: e.id,
      school: e.school,
      degree: e.degree,
      field: e.field,
      startYear: e.startYear,
      endYear: e.endYear,
    })),
    certifications: c.certifications.map((e) => ({
      id: e.id,
      name: e.name,
      issuer: e.issuer,
      year: e.year,
      url: e.url,
    })),
    portfolio: c.portfolio.map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      links: i.links,
      files: c.files.filter((f) => f.portfolioItemId === i.id).map(presentFile),
    })),
    hourlyRate:
      p.hourlyRateAmount !== null && p.hourlyRateCurrency
        ? { amount: p.hourlyRateAmount, currency: p.hourlyRateCurrency }
        : null,
    timeZone: p.timeZone ?? owner.timeZone,
    workingHours: p.workingHours,
    languages: c.languages.map((l) => ({ code: l.code, level: l.level })),
    country: p.country,
    availability: availabilityOf(p),
    updatedAt: iso(p.updatedAt),
  };
}

export function presentMyProfile(
  p: ProfileRow,
  owner: OwnerRow,
  c: ProfileChildren,
  completeness: Completeness,
  isPublic: boolean,
): MyProfile {
  return {
    ...content(p, owner, c),
    ownTimeZone: p.timeZone,
    visibility: p.visibility,
    completeness,
    moderation: p.moderatedAt ? { at: iso(p.moderatedAt), reason: p.moderationReason ?? '' } : null,
    isPublic,
  };
}

export function presentPublicProfile(
  p: ProfileRow,
  owner: OwnerRow,
  c: ProfileChildren,
): PublicProfile {
  return {
    ...content(p, owner, c),
    userId: p.userId,
    bioHtml: renderMarkdown(p.bio),
    rating: {
      average: p.ratingAvg,
      reviewCount: p.reviewCount,
      completedJobs: p.completedJobs,
      isNew: p.reviewCount === 0 && p.completedJobs === 0,
    },
    memberSince: iso(owner.createdAt),
  };
}
