import { createInquiryEndpoint } from "@/lib/api/v1/inquiries/endpoints";

export const POST = createInquiryEndpoint;
