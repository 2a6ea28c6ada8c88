/** The editor's sections: each edits its part of the draft; the page saves them. */
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { SaveProfileInput } from '../../../core/contracts/profiles.ts';
import { fromMajor, toMajor } from '../../../core/money.ts';
import { COMMON_CURRENCIES, currencyName, timeZones } from '../../format.ts';
import { useCategories, useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import type { SectionProps } from './profile-editor.tsx';
import { FileUploader, PhotoField } from './profile-files.tsx';
import { countryOptions, languageOptions } from './profile-queries.ts';

type Draft = SaveProfileInput;
type Item<K extends keyof Draft> = NonNullable<Draft[K]> extends (infer T)[] ? T : never;

const LEVELS = ['basic', 'conversational', 'fluent', 'native'] as const;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A list entry's Remove button, asking first. */
function RemoveButton({ what, onRemove }: { what: string; onRemove: () => void }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setAsking(true)}>
        <Trash2 size={16} aria-hidden /> Remove <span className="sr-only">{what}</span>
      </Button>
      <ConfirmDialog
        open={asking}
        title={`Remove ${what}?`}
        confirmLabel="Remove"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          onRemove();
        }}
      >
        It goes from your profile when you save this section.
      </ConfirmDialog>
    </>
  );
}

function update<T>(list: T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

export function AboutFields({ draft, change, fieldError, saved }: SectionProps) {
  return (
    <>
      <PhotoField saved={saved} />
      <TextField
        id="profile-headline"
        label="Headline"
        hint="What you do, in a line: “Bookkeeper for small bakeries”."
        maxLength={120}
        value={draft.headline ?? ''}
        onChange={(e) => change({ headline: e.target.value })}
        error={fieldError('headline')}
      />
      <TextAreaField
        id="profile-bio"
        label="Bio"
        hint="Markdown: **bold**, lists, links. At least 80 characters."
        rows={6}
        maxLength={5000}
        value={draft.bio ?? ''}
        onChange={(e) => change({ bio: e.target.value })}
        error={fieldError('bio')}
      />
      <TextField
        id="profile-slug"
        label="Public address"
        hint={`Your page: ${window.location.origin}/pros/${draft.slug}`}
        value={draft.slug}
        onChange={(e) => change({ slug: e.target.value })}
        error={fieldError('slug')}
        autoCapitalize="none"
        spellCheck={false}
      />
      <SelectField
        label="Who can see your profile"
        value={draft.visibility ?? 'public'}
        onChange={(e) => change({ visibility: e.target.value as 'public' | 'hidden' })}
        options={[
          { value: 'public', label: 'Everyone (public page, in the directory)' },
          { value: 'hidden', label: 'Only me (hidden)' },
        ]}
      />
    </>
  );
}

export function SkillFields({ draft, change, fieldError }: SectionProps) {
  const skills = draft.skills ?? [];
  const categories = useCategories();
  const chosen = new Set(draft.categories ?? []);
  return (
    <>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Skills</legend>
        {skills.length === 0 && (
          <p className="text-sm text-slate-600">No skills yet. Add the ones you are hired for.</p>
        )}
        {skills.map((s, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <div className="min-w-40 flex-1">
              <TextField
                label={`Skill ${i + 1}`}
                value={s.name}
                maxLength={40}
                onChange={(e) => change({ skills: update(skills, i, { name: e.target.value }) })}
                error={fieldError(`skills.${i}.name`)}
              />
            </div>
            <div className="w-28">
              <TextField
                label="Years"
                type="number"
                min={0}
                max={60}
                value={s.years}
                onChange={(e) =>
                  change({ skills: update(skills, i, { years: Number(e.target.value) }) })
                }
                error={fieldError(`skills.${i}.years`)}
              />
            </div>
            <RemoveButton
              what={s.name || `skill ${i + 1}`}
              onRemove={() => change({ skills: skills.filter((_, j) => j !== i) })}
            />
          </div>
        ))}
        <Button
          id="profile-skills"
          type="button"
          variant="secondary"
          onClick={() => change({ skills: [...skills, { name: '', years: 1 }] })}
        >
          <Plus size={16} aria-hidden /> Add a skill
        </Button>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Categories of work</legend>
        {fieldError('categories') && (
          <p className="text-xs text-red-700">{fieldError('categories')}</p>
        )}
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {(categories.data?.items ?? []).map((c, i) => (
            <label key={c.slug} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                id={i === 0 ? 'profile-categories' : undefined}
                type="checkbox"
                checked={chosen.has(c.slug)}
                onChange={(e) =>
                  change({
                    categories: e.target.checked
                      ? [...chosen, c.slug]
                      : [...chosen].filter((x) => x !== c.slug),
                  })
                }
              />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

export function RateFields({ draft, change, fieldError }: SectionProps) {
  const rate = draft.hourlyRate ?? null;
  const currency = rate?.currency ?? 'USD';
  const availability = draft.availability ?? { status: 'available' as const };
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id="profile-rate"
          label="Hourly rate"
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          hint="Leave empty to discuss per job."
          value={rate ? toMajor(rate) : ''}
          onChange={(e) =>
            change({
              hourlyRate:
                e.target.value === '' ? null : fromMajor(Number(e.target.value), currency),
            })
          }
          error={fieldError('hourlyRate.amount')}
        />
        <SelectField
          label="Currency"
          value={currency}
          onChange={(e) =>
            change({
              hourlyRate: rate ? fromMajor(toMajor(rate), e.target.value) : null,
            })
          }
          error={fieldError('hourlyRate.currency')}
          options={COMMON_CURRENCIES.map((c) => ({ value: c, label: `${c} — ${currencyName(c)}` }))}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Availability"
          value={availability.status}
          onChange={(e) => {
            const status = e.target.value;
            change({
              availability:
                status === 'limited'
                  ? { status: 'limited', hoursPerWeek: 20 }
                  : { status: status as 'available' | 'unavailable' },
            });
          }}
          options={[
            { value: 'available', label: 'Available' },
            { value: 'limited', label: 'Limited hours' },
            { value: 'unavailable', label: 'Not available' },
          ]}
        />
        {availability.status === 'limited' && (
          <TextField
            label="Hours per week"
            type="number"
            min={1}
            max={80}
            value={availability.hoursPerWeek}
            onChange={(e) =>
              change({ availability: { status: 'limited', hoursPerWeek: Number(e.target.value) } })
            }
            error={fieldError('availability.hoursPerWeek')}
          />
        )}
      </div>
    </>
  );
}

export function HoursFields({ draft, change, fieldError }: SectionProps) {
  const accountZone = useMe().data?.user.timeZone ?? 'UTC';
  const hours = draft.workingHours ?? null;
  const languages = draft.languages ?? [];
  const zones = timeZones();
  return (
    <>
      <SelectField
        id="profile-hours"
        label="Time zone"
        value={draft.timeZone ?? ''}
        onChange={(e) => change({ timeZone: e.target.value || null })}
        error={fieldError('timeZone')}
        options={[
          {
            value: '',
            label: `Same as my account (${accountZone})`,
          },
          ...zones.map((z) => ({ value: z, label: z })),
        ]}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Usual working hours</legend>
        {hours === null ? (
          <Button
            type="button"
            variant="secondary"
            className="mt-2"
            onClick={() =>
              change({ workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } })
            }
          >
            <Plus size={16} aria-hidden /> Set working hours
          </Button>
        ) : (
          <div className="mt-2 space-y-3">
            <div className="flex flex-wrap gap-3">
              {DAYS.map((d, i) => (
                <label key={d} className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={hours.days.includes(i + 1)}
                    onChange={(e) =>
                      change({
                        workingHours: {
                          ...hours,
                          days: e.target.checked
                            ? [...hours.days, i + 1].sort()
                            : hours.days.filter((x) => x !== i + 1),
                        },
                      })
                    }
                  />
                  {d}
                </label>
              ))}
            </div>
            <div className="grid grid-cols-2 gap-3">
              <TextField
                label="From"
                type="time"
                value={hours.start}
                onChange={(e) => change({ workingHours: { ...hours, start: e.target.value } })}
                error={fieldError('workingHours.start')}
              />
              <TextField
                label="To"
                type="time"
                value={hours.end}
                onChange={(e) => change({ workingHours: { ...hours, end: e.target.value } })}
                error={fieldError('workingHours.end')}
              />
            </div>
            <Button
              type="button"
              variant="secondary"
              onClick={() => change({ workingHours: null })}
            >
              Clear working hours
            </Button>
          </div>
        )}
      </fieldset>
      <SelectField
        id="profile-country"
        label="Country you work from"
        value={draft.country ?? ''}
        onChange={(e) => change({ country: e.target.value || null })}
        error={fieldError('country')}
        options={[{ value: '', label: 'Not set' }, ...countryOptions()]}
      />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Languages</legend>
        {languages.map((l, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <div className="min-w-40 flex-1">
              <SelectField
                label={`Language ${i + 1}`}
                value={l.code}
                onChange={(e) =>
                  change({ languages: update(languages, i, { code: e.target.value }) })
                }
                error={fieldError(`languages.${i}.code`)}
                options={languageOptions()}
              />
            </div>
            <div className="w-44">
              <SelectField
                label="Level"
                value={l.level}
                onChange={(e) =>
                  change({
                    languages: update(languages, i, {
                      level: e.target.value as (typeof LEVELS)[number],
                    }),
                  })
                }
                options={LEVELS.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) }))}
              />
            </div>
            <RemoveButton
              what={`language ${i + 1}`}
              onRemove={() => change({ languages: languages.filter((_, j) => j !== i) })}
            />
          </div>
        ))}
        <Button
          id="profile-languages"
          type="button"
          variant="secondary"
          onClick={() => change({ languages: [...languages, { code: 'en', level: 'fluent' }] })}
        >
          <Plus size={16} aria-hidden /> Add a language
        </Button>
      </fieldset>
    </>
  );
}

export function ResumeFields({ draft, change, fieldError }: SectionProps) {
  const experience = draft.experience ?? [];
  const education = draft.education ?? [];
  const certifications = draft.certifications ?? [];
  const setExp = (i: number, patch: Partial<Item<'experience'>>) =>
    change({ experience: update(experience, i, patch) });
  const setEdu = (i: number, patch: Partial<Item<'education'>>) =>
    change({ education: update(education, i, patch) });
  const setCert = (i: number, patch: Partial<Item<'certifications'>>) =>
    change({ certifications: update(certifications, i, patch) });
  const year = (v: string) => (v === '' ? null : Number(v));
  return (
    <>
      <fieldset className="space-y-4">
        <legend className="text-sm font-medium text-slate-800">Experience</legend>
        {experience.map((e, i) => (
          <div key={e.id ?? `new-${i}`} className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                label="Company"
                value={e.company}
                onChange={(ev) => setExp(i, { company: ev.target.value })}
                error={fieldError(`experience.${i}.company`)}
              />
              <TextField
                label="Role"
                value={e.role}
                onChange={(ev) => setExp(i, { role: ev.target.value })}
                error={fieldError(`experience.${i}.role`)}
              />
              <TextField
                label="From (month)"
                type="month"
                value={e.start}
                onChange={(ev) => setExp(i, { start: ev.target.value })}
                error={fieldError(`experience.${i}.start`)}
              />
              <TextField
                label="To (month)"
                type="month"
                hint="Empty while it is your current position."
                value={e.end ?? ''}
                onChange={(ev) => setExp(i, { end: ev.target.value || null })}
                error={fieldError(`experience.${i}.end`)}
              />
            </div>
            <TextAreaField
              label="What you did"
              rows={3}
              value={e.description ?? ''}
              onChange={(ev) => setExp(i, { description: ev.target.value })}
            />
            <RemoveButton
              what={`${e.role || 'position'} at ${e.company || 'company'}`}
              onRemove={() => change({ experience: experience.filter((_, j) => j !== i) })}
            />
          </div>
        ))}
        <Button
          id="profile-resume"
          type="button"
          variant="secondary"
          onClick={() =>
            change({
              experience: [
                { company: '', role: '', start: '', end: null, description: '' },
                ...experience,
              ],
            })
          }
        >
          <Plus size={16} aria-hidden /> Add a position
        </Button>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-medium text-slate-800">Education</legend>
        {education.map((e, i) => (
          <div key={e.id ?? `new-${i}`} className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                label="School"
                value={e.school}
                onChange={(ev) => setEdu(i, { school: ev.target.value })}
                error={fieldError(`education.${i}.school`)}
              />
              <TextField
                label="Degree"
                value={e.degree ?? ''}
                onChange={(ev) => setEdu(i, { degree: ev.target.value })}
              />
              <TextField
                label="Field of study"
                value={e.field ?? ''}
                onChange={(ev) => setEdu(i, { field: ev.target.value })}
              />
              <div className="grid grid-cols-2 gap-2">
                <TextField
                  label="From (year)"
                  type="number"
                  value={e.startYear ?? ''}
                  onChange={(ev) => setEdu(i, { startYear: year(ev.target.value) })}
                  error={fieldError(`education.${i}.startYear`)}
                />
                <TextField
                  label="To (year)"
                  type="number"
                  value={e.endYear ?? ''}
                  onChange={(ev) => setEdu(i, { endYear: year(ev.target.value) })}
                  error={fieldError(`education.${i}.endYear`)}
                />
              </div>
            </div>
            <RemoveButton
              what={e.school || 'school'}
              onRemove={() => change({ education: education.filter((_, j) => j !== i) })}
            />
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => change({ education: [...education, { school: '' }] })}
        >
          <Plus size={16} aria-hidden /> Add a school
        </Button>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-medium text-slate-800">Certifications</legend>
        {certifications.map((c, i) => (
          <div key={c.id ?? `new-${i}`} className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                label="Name"
                value={c.name}
                onChange={(ev) => setCert(i, { name: ev.target.value })}
                error={fieldError(`certifications.${i}.name`)}
              />
              <TextField
                label="Issuer"
                value={c.issuer ?? ''}
                onChange={(ev) => setCert(i, { issuer: ev.target.value })}
              />
              <TextField
                label="Year"
                type="number"
                value={c.year ?? ''}
                onChange={(ev) => setCert(i, { year: year(ev.target.value) })}
                error={fieldError(`certifications.${i}.year`)}
              />
              <TextField
                label="Link to verify it"
                type="url"
                value={c.url ?? ''}
                onChange={(ev) => setCert(i, { url: ev.target.value || null })}
                error={fieldError(`certifications.${i}.url`)}
              />
            </div>
            <RemoveButton
              what={c.name || 'certification'}
              onRemove={() => change({ certifications: certifications.filter((_, j) => j !== i) })}
            />
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => change({ certifications: [...certifications, { name: '' }] })}
        >
          <Plus size={16} aria-hidden /> Add a certification
        </Button>
      </fieldset>
    </>
  );
}

export function PortfolioFields({ draft, change, fieldError, saved }: SectionProps) {
  const items = draft.portfolio ?? [];
  return (
    <div className="space-y-4">
      {items.length === 0 && (
        <p className="text-sm text-slate-600">
          Nothing here yet. Add a piece of work: a project, a report, a design — with images.
        </p>
      )}
      {items.map((item, i) => {
        const stored = item.id ? saved.portfolio.find((p) => p.id === item.id) : undefined;
        return (
          <div
            key={item.id ?? `new-${i}`}
            className="space-y-3 rounded-md p-3 ring-1 ring-slate-200"
          >
            <TextField
              label="Title"
              value={item.title}
              maxLength={120}
              onChange={(e) => change({ portfolio: update(items, i, { title: e.target.value }) })}
              error={fieldError(`portfolio.${i}.title`)}
            />
            <TextAreaField
              label="Description"
              rows={3}
              value={item.description ?? ''}
              onChange={(e) =>
                change({ portfolio: update(items, i, { description: e.target.value }) })
              }
            />
            <TextAreaField
              label="Links"
              hint="One web address per line, up to 5."
              rows={2}
              value={(item.links ?? []).join('\n')}
              onChange={(e) =>
                change({
                  portfolio: update(items, i, {
                    links: e.target.value
                      .split('\n')
                      .map((l) => l.trim())
                      .filter(Boolean),
                  }),
                })
              }
              error={fieldError(`portfolio.${i}.links`)}
            />
            {stored ? (
              <FileUploader item={stored} />
            ) : (
              <p className="text-sm text-slate-600">
                Save the portfolio to add images and files to this item.
              </p>
            )}
            <RemoveButton
              what={item.title || `item ${i + 1}`}
              onRemove={() => change({ portfolio: items.filter((_, j) => j !== i) })}
            />
          </div>
        );
      })}
      <Button
        id="profile-portfolio"
        type="button"
        variant="secondary"
        onClick={() => change({ portfolio: [...items, { title: '', description: '', links: [] }] })}
      >
        <Plus size={16} aria-hidden /> Add a portfolio item
      </Button>
    </div>
  );
}
