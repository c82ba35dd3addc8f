import type { Messages } from "../messages";

export const workspaceEn: Messages["workspace"] = {
  menu: {
    open: "Menu",
    title: "Workspace navigation",
  },
  moreActions: "More actions",
  notFound: {
    title: "Page not found",
    body: "The page you opened does not exist, or is not open to your role.",
    back: "Back to the workspace",
  },
};
