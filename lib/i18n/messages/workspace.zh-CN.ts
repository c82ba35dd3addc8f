/* The workspace's frame: navigation menu on a phone, its own not-found page, shared menus and dialogs. */
export const workspaceZhCN = {
  menu: {
    open: "菜单",
    title: "工作台导航",
  },
  moreActions: "更多操作",
  notFound: {
    title: "页面不存在",
    body: "您打开的页面不存在，或不对您的角色开放。",
    back: "回到工作台",
  },
};
