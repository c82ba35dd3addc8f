import type { Messages } from "../messages";

export const unitImportEn: Messages["unitImport"] = {
  title: "",
};
