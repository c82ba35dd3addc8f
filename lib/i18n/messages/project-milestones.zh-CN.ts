export const projectMilestonesZhCN = {
  title: "",
};
