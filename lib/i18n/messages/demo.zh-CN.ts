/* The demo workspace: what marks demo data as such. */
export const demoZhCN = {};
