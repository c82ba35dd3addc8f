export const notifySettingsZhCN = {};
