/* The public site's look: share cards, the listing page's contact bar, the language chosen for a visitor. */
export const publicSiteZhCN = {};
