import { listLeadsEndpoint } from "@/lib/api/v1/leads/endpoints";

export const GET = listLeadsEndpoint;
