/* 出站 Webhook. */
export const webhooksZhCN = {};
