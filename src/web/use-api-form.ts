/**
 * The one way a form talks to the API: react-hook-form, validated in the browser by the same zod
 * schema the server validates the body with, and showing the server's problem+json field errors
 * under the matching fields. A server error stays until the user edits that field (the
 * resolver then judges the new value) or submits again.
 *
 *   const form = useApiForm(CreateInvitationSchema, { defaultValues: { email: '', role } });
 *   <form onSubmit={form.submitWith((values) => invite.mutateAsync(values))}>
 *     <TextField {...form.register('email')} error={form.formState.errors.email?.message} />
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldValues, type Path, type UseFormProps } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, errorMessage } from './api.ts';

export function useApiForm<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  options: Omit<UseFormProps<Input, unknown, Output>, 'resolver'> = {},
) {
  const form = useForm<Input, unknown, Output>({ ...options, resolver: zodResolver(schema) });
  // What the server said that belongs to no field of this form (a 409, a 500, a lost network).
  const [formError, setFormError] = useState<string | null>(null);

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

  return { ...form, formError, submitWith };
}
