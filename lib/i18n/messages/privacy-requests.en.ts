import type { Messages } from "../messages";

export const privacyRequestsEn: Messages["privacyRequests"] = {
  kind: { WITHDRAW: "withdraw consent", ERASE: "erase their personal data" },
  mail: {
    subject: "Personal data request: the investor of {company} asks to {kind}, due {due}",
    body:
      "The investor of {company} asked on their inquiry status page to {kind}. Under PIPL, " +
      "the request must be done by {due} (within 15 working days).",
    withdrawHint:
      "Since the withdrawal nothing more is mailed to them; make sure nobody contacts or markets to them, " +
      "then mark the request done.",
    eraseHint: "Open the lead and erase its personal data: the request is closed when the erasure is done.",
    link: "Open personal data requests:",
  },
};
