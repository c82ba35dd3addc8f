import "server-only";
import { getDb } from "../../../db/client";
import { fieldErrorsOf } from "../../../forms/field-errors";
import { apiRoute } from "../../route";
import { invalidRequest, notFound, queryOf } from "../answers";
import { operations } from "../operations";
import { pageQuerySchema } from "../pagination";
import { findListing, listListings } from "./queries";
import { listingIdParamsSchema } from "./schema";

export const listListingsEndpoint = apiRoute(
  operations.listListings.door,
  operations.listListings.scope,
  async (request, { caller, locale }) => {
    const query = pageQuerySchema.safeParse(queryOf(request));
    if (!query.success) return invalidRequest(locale, fieldErrorsOf(query.error));
    return Response.json(await listListings(await getDb(), caller, query.data));
  },
);

export const getListingEndpoint = apiRoute<{ id: string }>(
  operations.getListing.door,
  operations.getListing.scope,
  async (_request, { caller, params, locale }) => {
    const id = listingIdParamsSchema.safeParse(params);
    const listing = id.success ? await findListing(await getDb(), caller, id.data.id) : null;
    return listing ? Response.json(listing) : notFound(locale, "listing");
  },
);
