import { listListingsEndpoint } from "@/lib/api/v1/listings/endpoints";

export const GET = listListingsEndpoint;
