/** One sidebar gadget, as on Blogger's Layout: a small heading over its content. */
export function Gadget({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `gadget-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="border-t border-stone-300 pt-4 dark:border-stone-700">
      <h2 id={id} className="text-xs font-bold tracking-widest text-stone-600 uppercase dark:text-stone-400">
        {title}
      </h2>
      <div className="mt-3 text-sm">{children}</div>
    </section>
  );
}
