import { getLeadEndpoint } from "@/lib/api/v1/leads/endpoints";

export const GET = getLeadEndpoint;
