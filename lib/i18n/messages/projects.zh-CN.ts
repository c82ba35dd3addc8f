export const projectsZhCN = {
  title: "",
};
