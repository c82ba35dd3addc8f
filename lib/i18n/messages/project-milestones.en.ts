import type { Messages } from "../messages";

export const projectMilestonesEn: Messages["projectMilestones"] = {
  title: "",
};
