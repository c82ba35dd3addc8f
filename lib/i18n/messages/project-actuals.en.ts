import type { Messages } from "../messages";

export const projectActualsEn: Messages["projectActuals"] = {
  title: "Investment and yearly actuals",
};
