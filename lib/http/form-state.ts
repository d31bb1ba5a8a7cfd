/** What a server action hands back to its form: field errors, a message, and what was typed. */
export type FormState = {
  errors?: Record<string, string[] | undefined>;
  message?: string;
  values?: Record<string, string>;
};

/** The text fields of a form, to give back to the user after an error so nothing typed is lost. */
export function formValues(formData: FormData, names: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}
