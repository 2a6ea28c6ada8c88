import { describe, expect, it } from 'vitest';
import { SpecSchema, type Spec, type SpecInput } from './contracts/jobs.ts';
import { diffSpecs, specLines, type DiffSection } from './spec-diff.ts';

const spec = (input: SpecInput = {}): Spec => SpecSchema.parse(input);

const base = spec({
  description: 'A logo for our bakery in Porto.',
  deliverables: [
    { id: 'd1', text: 'Logo as SVG' },
    { id: 'd2', text: 'Logo as PNG, 1000 px wide' },
  ],
  acceptanceCriteria: [{ id: 'a1', text: 'Readable at 32 px', deliverableId: 'd1' }],
  requirements: [
    { id: 'r1', text: 'Uses our brown #5A3A1A', priority: 'must', deliverableId: 'd1' },
  ],
  successDefinition: 'We print it on our bags by 1 March.',
  constraints: 'No stock images.',
});

/** The text as it was (same + removed) and as it is (same + added). */
const sides = (section: DiffSection) => ({
  before: section.parts
    .filter((p) => p.kind !== 'added')
    .map((p) => p.text)
    .join(''),
  after: section.parts
    .filter((p) => p.kind !== 'removed')
    .map((p) => p.text)
    .join(''),
});
const kinds = (section: DiffSection | undefined, kind: 'added' | 'removed') =>
  (section?.parts ?? []).filter((p) => p.kind === kind).map((p) => p.text);

describe('diffSpecs', () => {
  it('returns no sections for two equal specifications', () => {
    expect(diffSpecs(base, spec(base))).toEqual([]);
  });

  it('diffs free text word by word and returns only the section that changed', () => {
    const after = spec({ ...base, description: 'A round logo for our bakery in Porto.' });
    const sections = diffSpecs(base, after);
    expect(sections.map((s) => s.section)).toEqual(['description']);
    const [description] = sections;
    expect(description?.label).toBe('Description');
    expect(kinds(description, 'added').join('').trim()).toBe('round');
    expect(kinds(description, 'removed')).toEqual([]);
  });

  it('shows removed words of the definition of success and of the constraints', () => {
    const after = spec({
      ...base,
      successDefinition: 'We print it on our bags.',
      constraints: 'No stock images. No AI-generated images.',
    });
    const sections = diffSpecs(base, after);
    expect(sections.map((s) => [s.section, s.label])).toEqual([
      ['successDefinition', 'Definition of success'],
      ['constraints', 'Constraints'],
    ]);
    expect(kinds(sections[0], 'removed').join('')).toContain('1 March');
    expect(kinds(sections[1], 'added').join('')).toContain('AI-generated');
  });

  it('lets the parts rebuild both texts exactly', () => {
    const after = spec({ ...base, description: 'A logo  for our\nbakery, in Lisbon!' });
    const [description] = diffSpecs(base, after);
    if (!description) throw new Error('expected a description section');
    expect(sides(description)).toEqual({ before: base.description, after: after.description });
  });

  it('diffs lists line by line: an added deliverable is one added line', () => {
    const after = spec({
      ...base,
      deliverables: [...base.deliverables, { id: 'd3', text: 'Favicon, 32 px' }],
    });
    const sections = diffSpecs(base, after);
    expect(sections.map((s) => s.section)).toEqual(['deliverables']);
    expect(sections[0]?.label).toBe('Deliverables');
    expect(kinds(sections[0], 'added')).toEqual(['• Favicon, 32 px\n']);
    expect(kinds(sections[0], 'removed')).toEqual([]);
  });

  it('shows a reworded requirement as the old line removed and the new one added, with priority and deliverable', () => {
    const after = spec({
      ...base,
      requirements: [
        { id: 'r1', text: 'Uses our brown #5A3A1A', priority: 'should', deliverableId: 'd2' },
      ],
    });
    const [requirements] = diffSpecs(base, after);
    expect(requirements?.label).toBe('Requirements');
    expect(kinds(requirements, 'removed')).toEqual([
      '• Uses our brown #5A3A1A (must) → Logo as SVG\n',
    ]);
    expect(kinds(requirements, 'added')).toEqual([
      '• Uses our brown #5A3A1A (should) → Logo as PNG, 1000 px wide\n',
    ]);
  });

  it('shows a criterion whose deliverable was renamed as changed too', () => {
    const after = spec({
      ...base,
      deliverables: [
        { id: 'd1', text: 'Logo as SVG and PDF' },
        { id: 'd2', text: 'Logo as PNG, 1000 px wide' },
      ],
    });
    const sections = diffSpecs(base, after);
    expect(sections.map((s) => s.section)).toEqual([
      'deliverables',
      'acceptanceCriteria',
      'requirements',
    ]);
    expect(kinds(sections[1], 'added')).toEqual(['• Readable at 32 px → Logo as SVG and PDF\n']);
    expect(sections[1]?.label).toBe('Acceptance criteria');
  });

  it('keeps the sections in the editor’s order', () => {
    const after = spec({
      description: 'Other',
      deliverables: [],
      acceptanceCriteria: [],
      requirements: [],
      successDefinition: 'Other',
      constraints: 'Other',
    });
    expect(diffSpecs(base, after).map((s) => s.section)).toEqual([
      'description',
      'deliverables',
      'acceptanceCriteria',
      'requirements',
      'successDefinition',
      'constraints',
    ]);
  });
});

describe('specLines', () => {
  it('renders an unlinked item without an arrow and a dangling link plainly', () => {
    const s = spec({
      deliverables: [{ id: 'd1', text: 'Report' }],
      acceptanceCriteria: [
        { id: 'a1', text: 'Totals match the bank statement', deliverableId: null },
        { id: 'a2', text: 'Signed off by the owner', deliverableId: 'gone' },
      ],
      requirements: [{ id: 'r1', text: 'In English', priority: 'could', deliverableId: null }],
    });
    expect(specLines(s, 'acceptanceCriteria')).toEqual([
      '• Totals match the bank statement',
      '• Signed off by the owner → a removed deliverable',
    ]);
    expect(specLines(s, 'requirements')).toEqual(['• In English (could)']);
  });
});
