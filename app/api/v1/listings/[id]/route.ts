import { getListingEndpoint } from "@/lib/api/v1/listings/endpoints";

export const GET = getListingEndpoint;
