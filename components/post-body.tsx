/** A stored post body: already sanitised on save by lib/sanitize.ts, so it is trusted here. */
export function PostBody({ html }: { html: string }) {
  return (
    <div
      className="prose prose-stone max-w-none font-serif text-[1.0625rem] leading-relaxed prose-headings:font-sans prose-a:text-accent prose-img:rounded-md prose-pre:font-mono dark:prose-invert dark:prose-a:text-orange-300"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
