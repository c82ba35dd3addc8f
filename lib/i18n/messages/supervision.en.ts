import type { Messages } from "../messages";

export const supervisionEn: Messages["supervision"] = {
  title: "",
};
