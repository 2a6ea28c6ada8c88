/**
 * The one way a form talks to the API: react-hook-form, validated in the browser by the same zod
 * schema the server validates the body with, and showing the server's problem+json field errors
 * under the matching fields. A server error under a field goes when the user edits that field
 * (the resolver then judges the new value); an error that belongs to no field goes at the first
 * edit of any field. `limits(name)` gives the input the contract's bounds (maxLength, min, max).
 * Messages are the contracts' plain sentences (core/validation-messages.ts).
 *
 *   const form = useApiForm(CreateInvitationSchema, { defaultValues: { email: '', role } });
 *   <form onSubmit={form.submitWith((values) => invite.mutateAsync(values))}>
 *     <TextField {...form.register('email')} {...form.limits('email')}
 *       error={form.formState.errors.email?.message} />
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type FieldValues, type Path, type UseFormProps } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, errorMessage } from './api.ts';
import { limitsOf } from './schema-limits.ts';

export function useApiForm<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  options: Omit<UseFormProps<Input, unknown, Output>, 'resolver'> = {},
) {
  const form = useForm<Input, unknown, Output>({ ...options, resolver: zodResolver(schema) });
  // What the server said that belongs to no field of this form (a 409, a 500, a lost network).
  const [formError, setFormError] = useState<string | null>(null);
  // Once the person changes anything, the last answer no longer describes what they will send.
  useEffect(() => {
    const { unsubscribe } = form.watch(() => setFormError(null));
    return unsubscribe;
  }, [form]);

  /** Puts each field error of a problem+json on its field; the rest becomes `formError`. */
  function showServerError(error: unknown) {
    const fields = error instanceof ApiError ? error.fieldErrors() : {};
    const known = new Set(Object.keys(form.getValues()));
    let placed = false;
    for (const [path, message] of Object.entries(fields)) {
      if (!known.has(path.split('.')[0]!)) continue;
      form.setError(path as Path<Input>, { type: 'server', message });
      placed = true;
    }
    setFormError(placed ? null : errorMessage(error));
  }

  /** A submit handler: validate, send, and spread whatever the server refuses over the form. */
  const submitWith = (send: (values: Output) => Promise<unknown>) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      try {
        await send(values);
      } catch (error) {
        showServerError(error);
      }
    });

  /** The contract's bounds on a field, to spread on its input. */
  const limits = (name: Path<Input>) => limitsOf(schema, name);

  return { ...form, formError, submitWith, limits };
}
