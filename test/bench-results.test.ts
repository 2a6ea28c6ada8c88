/**
 * The committed benchmark results against the scenarios that wrote them: a results file is
 * read as evidence, so it must name the load generator its numbers came from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../bench/scenarios/index.ts';

const RESULTS = path.resolve(import.meta.dirname, '../bench/results');
const files = readdirSync(RESULTS).filter((f) => f.endsWith('.json'));

/** The tool's name without its version: a later upgrade does not make an old run wrong. */
const toolName = (tool: string) => tool.split(' ')[0];

describe('bench/results', () => {
  it('holds results to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s names the tool its scenario sends load with', (file) => {
    const report = JSON.parse(readFileSync(path.join(RESULTS, file), 'utf8')) as {
      scenario: string;
      load: { tool: string };
    };
    const scenario = scenarios[report.scenario];
    expect(scenario, `no scenario "${report.scenario}"`).toBeDefined();
    expect(toolName(report.load.tool)).toBe(toolName(scenario!.tool));
  });

  it('board-search, with its own per-request clients, is not labelled autocannon', () => {
    expect(scenarios['board-search']?.tool).toBe('node:http');
    expect(scenarios.foundation?.tool).toMatch(/^autocannon \d+$/);
  });
});
