import type { SectionProps } from "@/lib/projects/section";

/** 督办 on the project page: the project's items with their threads, and the forms for each step. */
export async function SupervisionSection(props: SectionProps) {
  void props;
  return null;
}
