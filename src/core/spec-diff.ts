/**
 * The difference between two versions of a job's specification, section by section, as the
 * owner (and later the shortlisted professionals) read it. Pure, so the server's diff route and
 * any client-side preview of unsaved changes produce the same result.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { Spec, SpecDiff } from './contracts/jobs.ts';

export type DiffSection = SpecDiff['sections'][number];
export type DiffPart = DiffSection['parts'][number];

type TextSection = 'description' | 'successDefinition' | 'constraints';
type ListSection = 'deliverables' | 'acceptanceCriteria' | 'requirements';

/** Every section in the order the editor shows them, with its plain-English label. */
export const SPEC_SECTION_LABELS: Record<TextSection | ListSection, string> = {
  description: 'Description',
  deliverables: 'Deliverables',
  acceptanceCriteria: 'Acceptance criteria',
  requirements: 'Requirements',
  successDefinition: 'Definition of success',
  constraints: 'Constraints',
};

/**
 * Free text is compared word by word: "in two colours" shows up as three added words. Spaces
 * and line breaks are tokens too, so the parts give back both texts exactly (Markdown's
 * line breaks matter); plain `diffWords` drops removed whitespace.
 */
function textParts(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

/**
 * A list is compared line by line, one item a line, so that a reworded item reads as the old
 * line removed and the new one added. Each line ends in "\n": the parts' texts joined give
 * back the whole list as it was (same + removed) and as it is (same + added).
 */
function lineParts(before: string[], after: string[]): DiffPart[] {
  return diffArrays(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value.map((line) => `${line}\n`).join(''),
  }));
}

/**
 * The lines of a list section. A criterion or requirement names the deliverable it belongs to
 * by that deliverable's text in the same version, so relinking it is a visible change too.
 */
export function specLines(spec: Spec, section: ListSection): string[] {
  const deliverable = new Map(spec.deliverables.map((d) => [d.id, d.text]));
  const linked = (id: string | null) => {
    if (id === null) return '';
    return ` → ${deliverable.get(id) ?? 'a removed deliverable'}`;
  };
  switch (section) {
    case 'deliverables':
      return spec.deliverables.map((d) => `• ${d.text}`);
    case 'acceptanceCriteria':
      return spec.acceptanceCriteria.map((c) => `• ${c.text}${linked(c.deliverableId)}`);
    case 'requirements':
      return spec.requirements.map((r) => `• ${r.text} (${r.priority})${linked(r.deliverableId)}`);
    default:
      return section satisfies never;
  }
}

const sameLines = (a: string[], b: string[]) =>
  a.length === b.length && a.every((line, i) => line === b[i]);

/** The sections that differ between `before` and `after`, in the editor's order; unchanged ones are left out. */
export function diffSpecs(before: Spec, after: Spec): DiffSection[] {
  const sections: DiffSection[] = [];
  const text = (section: TextSection) => {
    if (before[section] === after[section]) return;
    sections.push({
      section,
      label: SPEC_SECTION_LABELS[section],
      parts: textParts(before[section], after[section]),
    });
  };
  const list = (section: ListSection) => {
    const from = specLines(before, section);
    const to = specLines(after, section);
    if (sameLines(from, to)) return;
    sections.push({ section, label: SPEC_SECTION_LABELS[section], parts: lineParts(from, to) });
  };
  text('description');
  list('deliverables');
  list('acceptanceCriteria');
  list('requirements');
  text('successDefinition');
  text('constraints');
  return sections;
}
