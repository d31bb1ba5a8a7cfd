import { countOutboxByStatus, listRecentMail } from '@/db/mail-outbox';
import { formatDateTime } from '@/lib/reading/dates';
import { mailSetup, smtpHostLabel } from '@/lib/mail/config';
import { sendTestEmail } from './actions';

const kinds: Record<string, string> = {
  comment: 'New comment',
  reply: 'Reply notice',
  post: 'New post',
  'follow-confirm': 'Follow confirmation',
  'password-reset': 'Password reset',
  test: 'Test email',
};

/** Settings → Email: whether mail can go out, what waits, what went, what failed and the server's answer. */
export async function MailOutbox({ timeZone, adminEmail }: { timeZone: string; adminEmail: string }) {
  const setup = mailSetup();
  const [counts, recent] = await Promise.all([countOutboxByStatus(), listRecentMail({ limit: 20 })]);
  return (
    <section aria-labelledby="email-heading" className="mt-10 border-t border-stone-200 pt-8 dark:border-stone-800">
      <h2 id="email-heading" className="font-serif text-2xl font-semibold">
        Email
      </h2>
      {setup.ready ? (
        <p className="mt-3 text-sm">
          Sending through <strong>{smtpHostLabel(setup.settings.smtpUrl)}</strong> as{' '}
          <strong>{setup.settings.from.name ? `${setup.settings.from.name} <${setup.settings.from.address}>` : setup.settings.from.address}</strong>, at most{' '}
          {setup.settings.perMinute} a minute.
        </p>
      ) : (
        <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">Mail is not being sent: it waits in the outbox until the server is configured.</p>
          <ul className="mt-2 list-disc pl-5">
            {setup.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p className="mt-2">Set these in the server&apos;s environment and restart it (see the README, Configuration).</p>
        </div>
      )}
      <p className="mt-4 text-sm text-stone-700 dark:text-stone-300" aria-label="Outbox counts">
        <span className="tabular-nums">{counts.waiting}</span> waiting · <span className="tabular-nums">{counts.sent}</span> sent ·{' '}
        <span className="tabular-nums">{counts.failed}</span> failed
      </p>
      <form action={sendTestEmail} className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-secondary">
          Send a test email
        </button>
        <span className="text-sm text-stone-600 dark:text-stone-400">to {adminEmail}</span>
      </form>
      {recent.length > 0 ? (
        <div className="mt-6 overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-stone-200 dark:bg-stone-900 dark:ring-stone-800">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Recent mail</caption>
            <thead className="border-b border-stone-200 text-xs text-stone-600 uppercase dark:border-stone-800 dark:text-stone-400">
              <tr>
                <th scope="col" className="hidden px-3 py-2 font-semibold sm:table-cell">Queued</th>
                <th scope="col" className="px-3 py-2 font-semibold">To</th>
                <th scope="col" className="px-3 py-2 font-semibold">What</th>
                <th scope="col" className="px-3 py-2 font-semibold">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200 dark:divide-stone-800">
              {recent.map((mail) => (
                <tr key={mail.id} className="align-top">
                  <td className="hidden px-3 py-2 tabular-nums sm:table-cell">{formatDateTime(mail.createdAt, timeZone)}</td>
                  <td className="min-w-28 px-3 py-2 break-all">{mail.toAddress}</td>
                  <td className="px-3 py-2">
                    {kinds[mail.kind] ?? mail.kind}
                    {mail.subject ? <span className="block text-xs text-stone-600 dark:text-stone-400">{mail.subject}</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    <span className="font-medium">
                      {mail.status === 'sent'
                        ? `Sent ${mail.sentAt ? formatDateTime(mail.sentAt, timeZone) : ''}`
                        : mail.status === 'failed'
                          ? 'Failed'
                          : mail.attempts > 0
                            ? `Waiting, next try ${formatDateTime(mail.nextAttemptAt, timeZone)}`
                            : 'Waiting'}
                    </span>
                    {mail.lastResponse ? <span className="block max-w-xs text-xs break-words text-stone-600 dark:text-stone-400">{mail.lastResponse}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
