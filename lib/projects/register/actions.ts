"use server";
import { defineAction } from "../../actions/define-action";
import { changeProjectOwner, terminateProject, updateCommitments } from "./mutations";

/** A project shows on its own page and in the list; 解约 also frees units the inventory and listings show. */
const projectPages = (input: unknown) => {
  const id = (input as { projectId?: unknown })?.projectId;
  return [...(typeof id === "string" ? [`/crm/projects/${id}`] : []), "/crm/projects"];
};

export const updateCommitmentsAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateCommitments(db, viewer, input),
  revalidate: (_result, input) => projectPages(input),
});

export const changeProjectOwnerAction = defineAction({
  run: (input: unknown, { db, viewer }) => changeProjectOwner(db, viewer, input),
  revalidate: (_result, input) => projectPages(input),
});

export const terminateProjectAction = defineAction({
  run: (input: unknown, { db, viewer }) => terminateProject(db, viewer, input),
  revalidate: (_result, input) => [
    ...projectPages(input),
    { layout: "/crm/inventory" },
    { layout: "/crm/listings" },
    { layout: "/listings" },
  ],
});
