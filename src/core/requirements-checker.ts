/**
 * The requirements checker: reads a job's brief and specification and says what a
 * professional would have to guess. Pure; runs live in the editor and on the server at publish.
 */
import type { Brief, CheckResult, Spec } from './contracts/jobs.ts';

export interface CheckInput {
  brief: Brief;
  spec: Spec;
}

/** A 0–100 score and the findings behind it, each pointing at a field and the exact text. */
export function checkRequirements(input: CheckInput): CheckResult {
  void input;
  throw new Error('not yet written');
}
