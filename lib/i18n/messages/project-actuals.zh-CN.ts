export const projectActualsZhCN = {
  title: "",
};
