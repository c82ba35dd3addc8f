/* The audit log read as sentences, with its filters. */
export const auditZhCN = {};
