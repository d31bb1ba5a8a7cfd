import 'server-only';
import { z } from 'zod';
import { requireAuthor } from '@/auth';
import type { Author } from '@/db/schema';
import { formValues, type FormState } from '@/lib/http/form-state';

/**
 * The one protocol of the admin's forms (server actions with useActionState): who may send it,
 * what the form must hold, and what comes back when it does not. An action body then reads as the
 * business it does: `formAction(spec, async (input, { author }) => …)`.
 *
 * Order, always: the session (a visitor goes to /login, via requireAuthor), then the role, then
 * zod. A refusal gives back the field errors, the form's message and what was typed, so nothing
 * is lost; the body may return its own FormState, or redirect (outside any try).
 */
export type FormSpec<S extends z.ZodType> = {
  schema: S;
  /** Text fields given back after a refusal, so nothing typed is lost (or a function making them). */
  values: string[] | ((formData: FormData) => Record<string, string>);
  /** What zod reads, when it is more than the values above (a password, a checkbox, a list). */
  input?: (values: Record<string, string>, formData: FormData) => unknown;
  /** The message shown above the marked fields. */
  refused?: string;
};

export type FormContext = { values: Record<string, string>; formData: FormData };

export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Reads and validates a form: its input, or the FormState that refuses it. */
export function parseForm<S extends z.ZodType>(
  spec: FormSpec<S>,
  formData: FormData,
): { ok: true; input: z.output<S>; values: Record<string, string> } | { ok: false; state: FormState } {
  const values = typeof spec.values === 'function' ? spec.values(formData) : formValues(formData, spec.values);
  const parsed = spec.schema.safeParse(spec.input ? spec.input(values, formData) : values);
  if (parsed.success) return { ok: true, input: parsed.data, values };
  return { ok: false, state: { errors: z.flattenError(parsed.error).fieldErrors, message: spec.refused, values } };
}

/** A form anyone may send (first-run setup): validated, nothing else. */
export function publicFormAction<S extends z.ZodType>(spec: FormSpec<S>, run: (input: z.output<S>, context: FormContext) => Promise<FormState | void>): FormAction {
  return async (_previous, formData) => {
    const form = parseForm(spec, formData);
    if (!form.ok) return form.state;
    return (await run(form.input, { values: form.values, formData })) ?? {};
  };
}

/**
 * A form for signed-in authors; with `adminOnly` (the refusal's message), for admins alone.
 * The author comes from the session checked against the database, never from the form.
 */
export function authorFormAction<S extends z.ZodType>(
  spec: FormSpec<S> & { adminOnly?: string },
  run: (input: z.output<S>, context: FormContext & { author: Author }) => Promise<FormState | void>,
): FormAction {
  return async (_previous, formData) => {
    const author = await requireAuthor();
    if (spec.adminOnly && author.role !== 'admin') return { message: spec.adminOnly };
    const form = parseForm(spec, formData);
    if (!form.ok) return form.state;
    return (await run(form.input, { author, values: form.values, formData })) ?? {};
  };
}
