import { getMessages } from "@/lib/i18n/server";
import { RemoveDemoForm } from "./remove-demo-form";

/** The settings' section for the seeded demo, which the workspace banner links to. */
export async function DemoDataSection() {
  const { remove } = (await getMessages()).demo;
  return (
    <section id="demo-data" aria-labelledby="demo-data-heading">
      <h2 id="demo-data-heading">{remove.title}</h2>
      <p className="hint">{remove.explain}</p>
      <RemoveDemoForm />
    </section>
  );
}
