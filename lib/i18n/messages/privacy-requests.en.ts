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
    link: "Handle personal data requests",
    footer: "Sent to the workspace's admins: investors' personal data requests are theirs to handle.",
  },
  list: {
    title: "Personal data requests",
    lead:
      "Investors' requests from their inquiry status page to withdraw consent or be erased, due within 15 working " +
      "days. An erasure request is closed by erasing the lead's personal data.",
    empty: "No personal data requests yet.",
    company: "Company",
    kind: "Request",
    received: "Received",
    due: "Due",
    state: "State",
    closed: "Done",
    open: "Open",
    overdue: "Overdue",
    done: "Done",
    closedBy: "{date}, {name}",
    closedBySystem: "{date}",
    erased: "erased",
    openLead: "Open the lead",
    close: "Mark done",
    closing: "Saving…",
    closedNow: "Marked done.",
    forbidden: "Only admins handle personal data requests.",
    errors: {
      notFound: "This request does not exist.",
      eraseToClose: "An erasure request is closed by erasing the lead's personal data.",
      requestClosed: "This request is already done.",
    },
  },
  dashboard: {
    requests: "Open personal data requests",
    requestsEmpty: "No open personal data requests.",
    nearest: "Nearest deadline: {due}",
    overdue: "{count} overdue",
    openList: "Handle personal data requests",
    channels: "Notification channels failing",
    channelsEmpty: "Every notification channel works.",
    channelFailure: "{name}: {failure} ({date})",
    openChannels: "Check the notification settings",
  },
};
