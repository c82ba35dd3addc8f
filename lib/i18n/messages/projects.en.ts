import type { Messages } from "../messages";

export const projectsEn: Messages["projects"] = {
  title: "",
};
