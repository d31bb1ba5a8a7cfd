'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/http/form-state';
import { FieldError } from '@/components/ui/field-error';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { LabelInput } from '@/components/editor/label-input';
import { GADGETS, type GadgetId } from '@/lib/reading/gadgets';
import { MAX_LABELS_LIMIT, MAX_SELECTED_LABELS_LENGTH } from '@/lib/reading/labels-gadget';
import { MAX_POPULAR_COUNT, POPULAR_PERIODS, type PopularPeriod } from '@/lib/reading/popular-gadget';
import { saveSettings } from './actions';

export type SettingsValues = {
  headerAdsHtml: string;
  gadgets: GadgetId[];
  blogTitle: string;
  blogDescription: string;
  postsPerPage: string;
  timezone: string;
  commentModeration: 'always' | 'older' | 'never';
  moderateAfterDays: string;
  trustApprovedCommenters: boolean;
  blockedWords: string;
  notifyEmails: string;
  labelsShow: 'all' | 'selected';
  labelsSelected: string;
  labelsSort: 'name' | 'count';
  labelsDisplay: 'list' | 'cloud';
  labelsShowCounts: 'on' | 'off';
  labelsLimit: string;
  popularRankBy: 'views' | 'comments';
  popularPeriod: PopularPeriod;
  popularCount: string;
};

function Field({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => React.ReactNode;
}) {
  const id = `settings-${name}`;
  const describedBy = [hint ? `${id}-hint` : '', errors ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': errors ? true : undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function SettingsForm({ initial, timeZones, knownLabels }: { initial: SettingsValues; timeZones: string[]; knownLabels: string[] }) {
  const [state, formAction] = useActionState(saveSettings, {} as FormState);
  const v = { ...initial, ...(state.values ?? {}) } as SettingsValues;
  const e = state.errors ?? {};
  return (
    // React 19 resets a form after its action, and a <select> then falls back to its first option
    // rather than the defaultValue the answer carries: a new key per answer mounts the fields afresh
    // with what the author typed (a refused "Only these labels" must stay chosen).
    <form key={JSON.stringify(state)} action={formAction} className="flex flex-col gap-8" noValidate>
      <FormMessage id="settings-message" message={state.message} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 font-serif text-xl font-semibold">Blog</legend>
        <Field name="blogTitle" label="Blog title" errors={e.blogTitle}>
          {(p) => <input {...p} name="blogTitle" defaultValue={v.blogTitle} className="field" required />}
        </Field>
        <Field name="blogDescription" label="Description" errors={e.blogDescription}>
          {(p) => <textarea {...p} name="blogDescription" defaultValue={v.blogDescription} rows={2} className="field" />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="postsPerPage" label="Posts per page" errors={e.postsPerPage}>
            {(p) => <input {...p} name="postsPerPage" type="number" min={1} max={50} defaultValue={v.postsPerPage} className="field" />}
          </Field>
          <Field name="timezone" label="Time zone" hint="Dates on the blog and new permalinks use it." errors={e.timezone}>
            {(p) => (
              <>
                <input {...p} name="timezone" list="time-zones" defaultValue={v.timezone} className="field" />
                <datalist id="time-zones">
                  {timeZones.map((zone) => (
                    <option key={zone} value={zone} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 font-serif text-xl font-semibold">Layout</legend>
        <Field
          name="headerAdsHtml"
          label="Header Ads"
          hint="HTML shown under the blog's header, e.g. a notice or a sponsor. Scripts, styles and frames are removed. Leave empty to hide it."
          errors={e.headerAdsHtml}
        >
          {(p) => <textarea {...p} name="headerAdsHtml" defaultValue={v.headerAdsHtml} rows={3} className="field font-mono text-sm" />}
        </Field>
        <div>
          <p className="mb-2 text-sm font-medium">Sidebar gadgets</p>
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-stone-600 uppercase dark:text-stone-400">
              <tr>
                <th scope="col" className="py-1 font-semibold">Gadget</th>
                <th scope="col" className="py-1 font-semibold">Show</th>
                <th scope="col" className="py-1 font-semibold">Position</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(GADGETS) as GadgetId[])
                .map((id) => ({ id, at: initial.gadgets.indexOf(id) }))
                .sort((a, b) => (a.at === -1 ? 99 : a.at) - (b.at === -1 ? 99 : b.at))
                .map(({ id, at }, row) => (
                  <tr key={id} className="border-t border-stone-200 dark:border-stone-800">
                    <td className="py-1.5">{GADGETS[id]}</td>
                    <td className="py-1.5">
                      <input
                        type="checkbox"
                        name={`gadget-${id}-show`}
                        defaultChecked={at !== -1}
                        aria-label={`Show ${GADGETS[id]}`}
                        className="size-4"
                      />
                    </td>
                    <td className="py-1.5">
                      <input
                        type="number"
                        name={`gadget-${id}-position`}
                        defaultValue={row + 1}
                        min={1}
                        max={20}
                        aria-label={`Position of ${GADGETS[id]}`}
                        className="field w-20 py-1"
                      />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
        <fieldset className="flex flex-col gap-4 rounded-lg border border-stone-200 p-4 dark:border-stone-800">
          <legend className="px-1 text-sm font-semibold">Labels gadget</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field name="labelsShow" label="Show" errors={e.labelsShow}>
              {(p) => (
                <select {...p} name="labelsShow" defaultValue={v.labelsShow} className="field">
                  <option value="all">All labels</option>
                  <option value="selected">Only these labels</option>
                </select>
              )}
            </Field>
            <Field name="labelsSort" label="Sort" errors={e.labelsSort}>
              {(p) => (
                <select {...p} name="labelsSort" defaultValue={v.labelsSort} className="field">
                  <option value="name">Alphabetically</option>
                  <option value="count">By frequency</option>
                </select>
              )}
            </Field>
            <Field name="labelsDisplay" label="Display" errors={e.labelsDisplay}>
              {(p) => (
                <select {...p} name="labelsDisplay" defaultValue={v.labelsDisplay} className="field">
                  <option value="list">List</option>
                  <option value="cloud">Cloud</option>
                </select>
              )}
            </Field>
          </div>
          <Field
            name="labelsSelected"
            label="Labels to show"
            hint="Used when Show is “Only these labels”. Separate labels with commas; existing labels are suggested as you type."
            errors={e.labelsSelected}
          >
            {(p) => (
              <LabelInput
                id={p.id}
                name="labelsSelected"
                defaultValue={v.labelsSelected}
                known={knownLabels}
                maxLength={MAX_SELECTED_LABELS_LENGTH}
                describedBy={p['aria-describedby']}
                invalid={p['aria-invalid']}
              />
            )}
          </Field>
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <Field
              name="labelsLimit"
              label="Most labels shown"
              hint="The most used ones, with a link to a page of every label. Leave empty to show them all."
              errors={e.labelsLimit}
            >
              {(p) => (
                <input {...p} name="labelsLimit" type="number" min={1} max={MAX_LABELS_LIMIT} defaultValue={v.labelsLimit} className="field sm:w-40" />
              )}
            </Field>
            <div className="flex items-start gap-2 sm:pt-7">
              <input
                id="settings-labelsShowCounts"
                name="labelsShowCounts"
                type="checkbox"
                defaultChecked={v.labelsShowCounts === 'on'}
                className="mt-1 size-4"
              />
              <label htmlFor="settings-labelsShowCounts" className="text-sm">
                Show the number of posts
              </label>
            </div>
          </div>
        </fieldset>
        <fieldset className="flex flex-col gap-4 rounded-lg border border-stone-200 p-4 dark:border-stone-800">
          <legend className="px-1 text-sm font-semibold">Popular Posts gadget</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field name="popularRankBy" label="Rank by" errors={e.popularRankBy}>
              {(p) => (
                <select {...p} name="popularRankBy" defaultValue={v.popularRankBy} className="field">
                  <option value="views">Views</option>
                  <option value="comments">Comments</option>
                </select>
              )}
            </Field>
            <Field name="popularPeriod" label="Views over" errors={e.popularPeriod}>
              {(p) => (
                <select {...p} name="popularPeriod" defaultValue={v.popularPeriod} className="field">
                  {(Object.keys(POPULAR_PERIODS) as PopularPeriod[]).map((period) => (
                    <option key={period} value={period}>
                      {POPULAR_PERIODS[period]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="popularCount" label="Posts shown" errors={e.popularCount}>
              {(p) => <input {...p} name="popularCount" type="number" min={1} max={MAX_POPULAR_COUNT} defaultValue={v.popularCount} className="field" />}
            </Field>
          </div>
        </fieldset>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 font-serif text-xl font-semibold">Comments</legend>
        <Field name="commentModeration" label="Hold comments for moderation" errors={e.commentModeration}>
          {(p) => (
            <select {...p} name="commentModeration" defaultValue={v.commentModeration} className="field">
              <option value="never">Never (publish at once)</option>
              <option value="older">On posts older than the number of days below</option>
              <option value="always">Always</option>
            </select>
          )}
        </Field>
        <Field name="moderateAfterDays" label="Days before comments on a post are held" errors={e.moderateAfterDays}>
          {(p) => <input {...p} name="moderateAfterDays" type="number" min={0} defaultValue={v.moderateAfterDays} className="field sm:w-40" />}
        </Field>
        <div className="flex items-start gap-2">
          <input
            id="settings-trust"
            name="trustApprovedCommenters"
            type="checkbox"
            defaultChecked={initial.trustApprovedCommenters}
            className="mt-1 size-4"
          />
          <label htmlFor="settings-trust" className="text-sm">
            Publish at once when the same name and email already have an approved comment
          </label>
        </div>
        <Field
          name="blockedWords"
          label="Blocked words"
          hint="One word or phrase per line. A comment containing any of them goes to Spam."
          errors={e.blockedWords}
        >
          {(p) => <textarea {...p} name="blockedWords" defaultValue={v.blockedWords} rows={4} className="field font-mono text-sm" />}
        </Field>
        <Field
          name="notifyEmails"
          label="Email new comments to"
          hint="Addresses separated by commas. Notifications wait in an outbox until mail sending is set up."
          errors={e.notifyEmails}
        >
          {(p) => <input {...p} name="notifyEmails" defaultValue={v.notifyEmails} className="field" />}
        </Field>
      </fieldset>
      <div>
        <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
      </div>
    </form>
  );
}
