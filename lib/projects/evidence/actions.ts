"use server";
import { defineAction } from "../../actions/define-action";
import { getStorage } from "../../storage";
import { removeEvidence } from "./mutations";

/** Adding evidence is a route handler (a file passes server actions' 1 MB); removing it is this action. */
export const removeEvidenceAction = defineAction({
  run: (input: unknown, { db, viewer }) => removeEvidence(db, viewer, input, getStorage()),
  revalidate: [{ layout: "/crm/projects" }],
});
