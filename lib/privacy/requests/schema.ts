import { z } from "zod";
import { recordId } from "../../forms/fields";

/** An admin marking a withdrawal of consent as done, once they have acted on it. */
export const closePrivacyRequestSchema = z.strictObject({ requestId: recordId });
export type ClosePrivacyRequest = z.infer<typeof closePrivacyRequestSchema>;
