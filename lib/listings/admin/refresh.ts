import "server-only";
import { revalidatePath } from "next/cache";

/**
 * After any listing or park change. The public home, catalogue and listing pages render from the
 * database on every request; this also drops what browsers' router caches hold for them, so the
 * change shows at once, without a rebuild. The staff listing pages refresh the same way.
 */
export function refreshListingPages() {
  revalidatePath("/");
  // "layout" covers every page below: the catalogue and each /listings/[id].
  revalidatePath("/listings", "layout");
  revalidatePath("/crm/listings", "layout");
}
