/* The public site's look: share cards, the listing page's contact bar, the language chosen for a visitor. */
export const publicSiteZhCN = {
  header: {
    /** The header's inquiry link where a phone has room for one short word (the full label is site.nav.inquire). */
    inquireShort: "招商咨询",
  },
};
