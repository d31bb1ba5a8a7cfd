import { describe, expect, it } from 'vitest';
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
};

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
    });
  });

  it('refuses an unknown time zone, a bad address and an out-of-range page size', () => {
    const result = settingsInput.safeParse({ ...valid, timezone: 'Mars/Olympus', notifyEmails: 'not-mail', postsPerPage: '0' });
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['notifyEmails', 'postsPerPage', 'timezone']);
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
