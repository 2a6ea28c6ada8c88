/**
 * The bounds a contract sets on a field, as input attributes: `maxLength`/`minLength` for text,
 * `min`/`max` for numbers. Forms spread them on their inputs, so the browser stops what the
 * server would refuse, and the numbers can never drift from the contract.
 *
 *   <TextField label="Business name" {...limitsOf(CreateBusinessSchema, 'name')} />
 */
import { z } from 'zod';

export interface InputLimits {
  maxLength?: number;
  minLength?: number;
  min?: number;
  max?: number;
}

/** Looks through optional, nullable, default and transform wrappers to the schema that checks. */
function checked(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = current._zod.def as {
      type: string;
      innerType?: z.core.$ZodType;
      in?: z.core.$ZodType;
    };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

/** The limits of one field of an object schema (a dotted path reaches into nested objects). */
export function limitsOf(schema: z.core.$ZodType, path: string): InputLimits {
  let field: z.core.$ZodType | undefined = schema;
  for (const key of path.split('.')) {
    const parent: z.core.$ZodType | undefined = field && checked(field);
    field =
      parent instanceof z.ZodObject
        ? (parent.shape as Record<string, z.core.$ZodType>)[key]
        : undefined;
  }
  if (!field) return {};
  const inner = checked(field);
  const limits: InputLimits = {};
  const type = inner._zod.def.type;
  // Each check of the schema names its kind: lengths for text (any format), bounds for numbers.
  for (const check of inner._zod.def.checks ?? []) {
    const c = check._zod.def as {
      check: string;
      maximum?: number;
      minimum?: number;
      value?: unknown;
      inclusive?: boolean;
    };
    if (type === 'string' && c.check === 'max_length') limits.maxLength = c.maximum;
    // A minimum of 1 is "required", which the form says in words rather than by blocking.
    if (type === 'string' && c.check === 'min_length' && (c.minimum ?? 0) > 1)
      limits.minLength = c.minimum;
    if (type === 'number' && typeof c.value === 'number' && c.inclusive) {
      if (c.check === 'greater_than') limits.min = c.value;
      if (c.check === 'less_than') limits.max = c.value;
    }
  }
  return limits;
}
