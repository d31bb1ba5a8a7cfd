/** Initials in a circle: an author's face until avatars can be uploaded. */
export function Avatar({ name, size = 'md' }: { name: string; size?: 'md' | 'lg' }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
  const box = size === 'lg' ? 'size-16 text-xl' : 'size-10 text-sm';
  return (
    <span
      aria-hidden="true"
      className={`${box} inline-flex shrink-0 items-center justify-center rounded-full bg-orange-100 font-semibold text-orange-900 dark:bg-orange-950 dark:text-orange-200`}
    >
      {initials || '?'}
    </span>
  );
}
