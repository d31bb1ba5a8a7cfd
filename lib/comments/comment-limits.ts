// The comment form's field limits, in a module with no imports: the form ships to every reader's
// browser, and importing them from lib/comments/comments pulled zod and the HTML sanitiser in with them.

/** Blogger's limit for one comment. */
export const MAX_COMMENT_LENGTH = 4096;
/** WordPress's field limits. */
export const MAX_NAME_LENGTH = 245;
export const MAX_EMAIL_LENGTH = 100;
export const MAX_WEBSITE_LENGTH = 200;
