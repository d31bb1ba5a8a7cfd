'use client';

import { useFormStatus } from 'react-dom';

/** A submit button that shows the form is being sent and can't be pressed twice. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  name,
  value,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary';
  name?: string;
  value?: string;
}) {
  const { pending, data } = useFormStatus();
  // With several submit buttons, only the one pressed says it is working.
  const pressed = pending && (name === undefined || data?.get(name) === value);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={variant === 'primary' ? 'btn-primary' : 'btn-secondary'}
    >
      {pressed && pendingLabel ? pendingLabel : children}
    </button>
  );
}
