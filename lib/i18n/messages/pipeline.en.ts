import type { pipelineZhCN } from "./pipeline.zh-CN";

export const pipelineEn: typeof pipelineZhCN = {
  title: "Pipeline",
};
