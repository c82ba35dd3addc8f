/* The workspace's frame: navigation menu on a phone, its own not-found page, shared menus and dialogs. */
export const workspaceZhCN = {};
