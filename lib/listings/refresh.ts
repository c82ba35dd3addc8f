import "server-only";
import { refreshPaths, type RefreshedPath } from "../actions/define-action";

/**
 * After any listing or park change. The public home, catalogue and listing pages render from the
 * database on every request; this also drops what browsers' router caches hold for them, so the
 * change shows at once, without a rebuild. The staff listing pages refresh the same way.
 * A layout covers every page below it: the catalogue and each /listings/[id].
 */
export const LISTING_PAGES: readonly RefreshedPath[] = ["/", { layout: "/listings" }, { layout: "/crm/listings" }];

/** For the doors that are route handlers, not actions (the photo upload). */
export function refreshListingPages() {
  refreshPaths(LISTING_PAGES);
}
