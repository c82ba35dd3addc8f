export const privacyRequestsZhCN = {};
