import { moveLeadStageEndpoint } from "@/lib/api/v1/leads/endpoints";

export const POST = moveLeadStageEndpoint;
