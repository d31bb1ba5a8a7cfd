/** Blogger's paging parameters, read leniently: anything malformed means "the first page". */
export function readPaging(params: Record<string, string | string[] | undefined>): { before?: Date; limit?: number } {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const rawBefore = first(params['updated-max']);
  const before = rawBefore ? new Date(rawBefore) : undefined;
  const rawLimit = first(params['max-results']);
  const limit = rawLimit && /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : undefined;
  return {
    before: before && !Number.isNaN(before.getTime()) ? before : undefined,
    limit: limit && limit > 0 ? limit : undefined,
  };
}
