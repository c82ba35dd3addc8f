export const inquiryStatusZhCN = {};
