"use server";
import { defineAction, type RefreshedPath } from "../../actions/define-action";
import {
  answerSupervision,
  closeSupervision,
  instructSupervision,
  openSupervision,
  reopenSupervision,
} from "./mutations";

/** A step shows on the project's page, the 督办台账 and the dashboard. */
const pagesOf = (result: { projectId: string }): RefreshedPath[] => [
  `/crm/projects/${result.projectId}`,
  "/crm/projects/supervision",
  "/crm",
];

export const openSupervisionAction = defineAction({
  run: (input: unknown, { db, viewer }) => openSupervision(db, viewer, input),
  revalidate: pagesOf,
});

export const answerSupervisionAction = defineAction({
  run: (input: unknown, { db, viewer }) => answerSupervision(db, viewer, input),
  revalidate: pagesOf,
});

export const instructSupervisionAction = defineAction({
  run: (input: unknown, { db, viewer }) => instructSupervision(db, viewer, input),
  revalidate: pagesOf,
});

export const reopenSupervisionAction = defineAction({
  run: (input: unknown, { db, viewer }) => reopenSupervision(db, viewer, input),
  revalidate: pagesOf,
});

export const closeSupervisionAction = defineAction({
  run: (input: unknown, { db, viewer }) => closeSupervision(db, viewer, input),
  revalidate: pagesOf,
});
