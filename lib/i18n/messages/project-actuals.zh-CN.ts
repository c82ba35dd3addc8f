export const projectActualsZhCN = {
  title: "到资与年度实绩",
};
