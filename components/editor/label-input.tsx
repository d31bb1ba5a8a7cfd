'use client';

import { useId, useState } from 'react';

/** The labels field: comma-separated, with existing labels suggested as the last one is typed. */
export function LabelInput({
  id,
  name,
  defaultValue,
  known,
  maxLength,
  describedBy,
  invalid,
}: {
  id: string;
  name: string;
  defaultValue: string;
  known: string[];
  maxLength: number;
  describedBy?: string;
  invalid?: boolean;
}) {
  const [value, setValue] = useState(defaultValue);
  const listId = useId();
  const parts = value.split(',');
  const current = parts.at(-1)!.trim().toLowerCase();
  const chosen = new Set(parts.slice(0, -1).map((p) => p.trim()));
  const suggestions = current ? known.filter((l) => l.toLowerCase().includes(current) && !chosen.has(l) && l !== parts.at(-1)!.trim()).slice(0, 8) : [];

  function choose(label: string) {
    const next = [...parts.slice(0, -1).map((p) => p.trim()).filter(Boolean), label].join(', ');
    setValue(`${next}, `);
    document.getElementById(id)?.focus();
  }

  return (
    <div>
      <input
        id={id}
        name={name}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        maxLength={maxLength}
        placeholder="e.g. Travel, Recipes"
        autoComplete="off"
        aria-describedby={describedBy}
        aria-invalid={invalid}
        aria-controls={suggestions.length ? listId : undefined}
        className="field"
      />
      {suggestions.length > 0 ? (
        <ul id={listId} aria-label="Existing labels" className="mt-1 flex flex-wrap gap-1">
          {suggestions.map((label) => (
            <li key={label}>
              <button
                type="button"
                onClick={() => choose(label)}
                className="rounded-full border border-stone-300 bg-stone-50 px-2.5 py-0.5 text-xs hover:bg-stone-100 dark:border-stone-600 dark:bg-stone-800 dark:hover:bg-stone-700"
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
