export const reportsDeliveryZhCN = {
  title: "",
};
