import type { Messages } from "../messages";

export const webhooksEn: Messages["webhooks"] = {
  title: "Webhook subscriptions",
  intro:
    "A subscription posts changes to leads and inquiries to your system as JSON (the same Lead and Inquiry " +
    "as /api/v1), signed with the subscription's secret and retried when it fails. An erased lead's events " +
    "carry only its id and when it was erased.",
  notifyOff: "Notifications are off (PARKLEAD_NOTIFY=off): subscribed events are not posted for now.",
  forbidden: "Only admins can manage webhook subscriptions",
  empty: "No subscriptions yet.",
  events: {
    lead_created: "New lead",
    inquiry_created: "New inquiry",
    lead_stage_changed: "Stage changed",
    lead_assigned: "Owner assigned",
    lead_signed: "Signed",
    lead_erased: "Personal data erased",
    ping: "Test event",
  },
  form: {
    add: "New subscription",
    name: "Name",
    namePlaceholder: "e.g. City investment platform, group CRM",
    url: "URL",
    urlHint:
      "Starting with https://; http:// only for this machine or a private network. It may carry a token: " +
      "once saved, only its host is shown.",
    urlKeep: "Leave blank to keep the saved address.",
    events: "Events to post",
    park: "Only the park",
    allParks: "Every park",
    save: "Save",
    create: "Create subscription",
    cancel: "Cancel",
    created: "Subscription created",
    saved: "Saved",
    unchanged: "Nothing changed",
  },
  secret: {
    title: "Signing secret of “{name}”",
    warning: "Copy it now and set it up at the receiver: once you leave or reload this page, nobody can see it again.",
    label: "Signing secret",
    copy: "Copy secret",
    copied: "Copied",
    copyFailed: "Could not copy: select it and copy by hand",
    done: "I have saved it",
  },
  item: {
    url: "URL",
    unreadable: "cannot be read (the server secret changed): enter the address again",
    allParks: "Every park",
    active: "Active",
    inactive: "Deactivated",
    failure: "A delivery failed for good at {when}: {answer}. This goes away after the next successful delivery.",
    test: "Send a test event",
    testQueued: "Test event queued: its result shows in the log below",
    edit: "Edit",
    roll: "Roll the signing secret",
    rollConfirm:
      "The old secret stops working at once and the receiver must check signatures with the new one. " +
      "Roll the signing secret of “{name}”?",
    deactivate: "Deactivate",
    reactivate: "Activate",
    deactivated: "Deactivated",
    activated: "Activated",
  },
  log: {
    title: "Latest deliveries (“{name}”)",
    summary: "Delivery log (latest {count})",
    empty: "Nothing sent yet.",
    when: "When",
    event: "Event",
    status: "Status",
    attempts: "Tries",
    nextAttempt: "Next try",
    answer: "The receiver's answer",
    statuses: {
      PENDING: "Pending",
      SENDING: "Sending",
      SENT: "Sent",
      RETRYING: "Retrying",
      DEAD: "Failed",
      SKIPPED: "Skipped",
    },
  },
};
