/* Listing pages for investors: gallery, filters beside the results, the contact bar. */
export const publicListingsZhCN = {};
