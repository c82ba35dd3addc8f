import type { Messages } from "../messages";

export const demoEn: Messages["demo"] = {
  banner: {
    title: "Demo data",
    text:
      "This is a demo workspace: the companies and contacts in leads, follow-ups and reports are made up, " +
      "with mobiles from the unallocated 154 range, for trying the product and for training.",
    remove: "Remove the demo data in Settings",
    askAdmin: "An admin can remove it in Settings.",
  },
  badge: { label: "Demo", hint: "Demo data: a made-up company and contact" },
  remove: {
    title: "Demo data",
    explain:
      "Removes every demo lead with its inquiries, stage history, timeline, tasks, notifications and report " +
      "counts, and deactivates the demo staff accounts. Real leads are not touched, and the demo is not " +
      "created again. This cannot be undone.",
    confirm: "I confirm removing all demo data",
    submit: "Remove demo data",
    done: "{leads} demo leads removed.",
    forbidden: "Only an admin may remove the demo data.",
  },
};
