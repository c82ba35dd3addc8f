/** Chinese messages of the pipeline namespace; en is typed from this file so the two never drift. */
export const pipelineZhCN = {
  title: "看板",
};
