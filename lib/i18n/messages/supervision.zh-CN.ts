export const supervisionZhCN = {
  title: "",
};
