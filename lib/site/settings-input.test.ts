import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS_GADGET } from '../reading/labels-gadget';
import { DEFAULT_POPULAR_GADGET } from '../reading/popular-gadget';
import { readGadgetLayout, settingsInput } from './settings-input';

const valid = {
  blogTitle: 'Blog',
  blogDescription: '',
  postsPerPage: '7',
  timezone: 'Europe/London',
  headerAdsHtml: '<p onclick="x()">Sponsor</p><script>alert(1)</script>',
  commentModeration: 'older',
  moderateAfterDays: '30',
  trustApprovedCommenters: 'on',
  blockedWords: ' casino \r\n\r\nviagra ',
  notifyEmails: 'A@Example.com, b@example.com',
  labelsShow: 'all',
  labelsSelected: '',
  labelsSort: 'name',
  labelsDisplay: 'list',
  labelsShowCounts: 'on',
  labelsLimit: '30',
};

const errorsOf = (changes: Record<string, string>) =>
  settingsInput.safeParse({ ...valid, ...changes }).error?.issues.map((i) => ({ field: i.path[0], message: i.message }));

describe('settingsInput', () => {
  it('cleans what it keeps: sanitised Header Ads, trimmed words, lower-cased addresses', () => {
    expect(settingsInput.parse(valid)).toEqual({
      blogTitle: 'Blog',
      blogDescription: '',
      postsPerPage: 7,
      timezone: 'Europe/London',
      headerAdsHtml: '<p>Sponsor</p>',
      commentModeration: 'older',
      moderateAfterDays: 30,
      trustApprovedCommenters: true,
      blockedWords: 'casino\nviagra',
      notifyEmails: 'a@example.com, b@example.com',
      labelsGadget: DEFAULT_LABELS_GADGET,
      popularGadget: DEFAULT_POPULAR_GADGET,
    });
  });

  it('refuses an unknown time zone, a bad address and an out-of-range page size', () => {
    const result = settingsInput.safeParse({ ...valid, timezone: 'Mars/Olympus', notifyEmails: 'not-mail', postsPerPage: '0' });
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['notifyEmails', 'postsPerPage', 'timezone']);
  });
});

describe('settingsInput: the Popular Posts gadget', () => {
  it('reads Blogger’s choices and refuses a count out of range', () => {
    expect(settingsInput.parse({ ...valid, popularRankBy: 'comments', popularPeriod: '7d', popularCount: '3' }).popularGadget).toEqual({
      rankBy: 'comments',
      period: '7d',
      count: 3,
    });
    expect(errorsOf({ popularCount: '0' })).toEqual([{ field: 'popularCount', message: 'Show at least 1 post.' }]);
    expect(errorsOf({ popularPeriod: 'forever' })).toEqual([{ field: 'popularPeriod', message: 'Please choose a period.' }]);
  });
});

describe('settingsInput: the Labels gadget', () => {
  it('reads a cloud of the 12 most used selected labels, without counts, most used first', () => {
    const form = { labelsShow: 'selected', labelsSelected: ' Travel,Food  &  Drink,\nTravel, ', labelsSort: 'count', labelsDisplay: 'cloud', labelsLimit: ' 12 ' };
    const { labelsShowCounts: _, ...withoutCounts } = { ...valid, ...form };
    expect(settingsInput.parse(withoutCounts).labelsGadget).toEqual({
      show: 'selected',
      selected: ['Travel', 'Food & Drink'],
      sort: 'count',
      display: 'cloud',
      showCounts: false,
      limit: 12,
    });
  });

  it('takes an empty limit as no limit: every label', () => {
    expect(settingsInput.parse({ ...valid, labelsLimit: '  ' }).labelsGadget.limit).toBeNull();
  });

  it('refuses a limit that is not a whole number from 1 to 1000, saying so on the field', () => {
    expect(errorsOf({ labelsLimit: '0' })).toEqual([{ field: 'labelsLimit', message: 'Show at least 1 label, or leave this empty to show them all.' }]);
    expect(errorsOf({ labelsLimit: '2.5' })).toEqual([{ field: 'labelsLimit', message: 'Please enter a whole number of labels.' }]);
    expect(errorsOf({ labelsLimit: 'lots' })).toEqual([{ field: 'labelsLimit', message: 'Please enter a number of labels, or leave this empty.' }]);
    expect(errorsOf({ labelsLimit: '5000' })).toEqual([{ field: 'labelsLimit', message: 'Show at most 1000 labels, or leave this empty to show them all.' }]);
  });

  it('asks for at least one label when only selected labels are shown', () => {
    expect(errorsOf({ labelsShow: 'selected', labelsSelected: ' , ' })).toEqual([
      { field: 'labelsSelected', message: 'Please name at least one label, or show all labels.' },
    ]);
  });

  it('refuses unknown choices and an overlong list', () => {
    expect(errorsOf({ labelsShow: 'some', labelsSort: 'random', labelsDisplay: 'marquee' })?.map((e) => e.field)).toEqual(['labelsShow', 'labelsSort', 'labelsDisplay']);
    expect(errorsOf({ labelsSelected: 'x,'.repeat(6000) })?.map((e) => e.field)).toEqual(['labelsSelected']);
  });
});

describe('readGadgetLayout', () => {
  it('keeps the shown gadgets in the order of their positions', () => {
    const form = new FormData();
    form.set('gadget-labels-show', 'on');
    form.set('gadget-labels-position', '1');
    form.set('gadget-search-show', 'on');
    form.set('gadget-search-position', '3');
    form.set('gadget-archive-show', 'on');
    form.set('gadget-archive-position', '2');
    form.set('gadget-popular-position', '1');
    expect(readGadgetLayout(form)).toEqual(['labels', 'archive', 'search']);
  });
});
