"use server";
import { defineAction } from "../../actions/define-action";
import { saveParkYardsticks } from "./mutations";

/** A park's yardsticks live on the settings page and class its projects' years. */
export const saveParkYardsticksAction = defineAction({
  run: (input: unknown, { db, viewer }) => saveParkYardsticks(db, viewer, input),
  revalidate: ["/crm/settings", { layout: "/crm/projects" }, "/crm/reports"],
});
