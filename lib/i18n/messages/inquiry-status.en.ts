import type { Messages } from "../messages";

export const inquiryStatusEn: Messages["inquiryStatus"] = {
  need: "{deal} · {kind}, {area}",
  page: {
    title: "Inquiry status",
    lead: "This link is yours alone; please do not forward it: whoever holds it can see and act on your personal data.",
    reference: "Reference",
    sentAt: "Sent",
    asked: "What you asked for",
    use: "Use",
    steps: "Progress",
    received: "Received",
    receivedAt: "Your inquiry was received on {date}",
    assigned: "Promotion officer assigned",
    assignedTo: "Your promotion officer: {name}",
    call: "phone {phone}",
    assigning: "A promotion officer is being assigned to you",
    contacted: "Contacted",
    contactedAt: "The officer contacted you on {date}",
    promised: "The officer will contact you {deadline}",
    late:
      "The officer should have contacted you by {date}; we will contact you shortly, " +
      "or call us on <tel>{phone}</tel>.",
    done: "done",
    pending: "not yet",
  },
  held: {
    title: "What we hold about you",
    summary: "See all the personal data we hold",
    intro: "This is everything the park operator holds to answer your inquiry.",
    person: "Contact details",
    inquiries: "Your inquiries",
    industry: "Industry",
    firstSeen: "First received",
    channel: "Sent through",
    channels: { FORM: "the web form", API: "a partner's system" },
    consentTitle: "Consent",
    consent: "Privacy notice version {version} agreed on {date}",
    none: "—",
  },
  rights: {
    title: "Your rights over your personal data",
    intro:
      "Under PIPL you may withdraw your consent or ask us to erase your personal data at any time. " +
      "We do it within 15 working days.",
    withdraw: "Withdraw consent",
    withdrawHint: "We will send you no more mail and will not contact you for marketing.",
    erase: "Erase my data",
    eraseHint:
      "Your name, phone, WeChat, email, credit code and messages will be erased, and this page will no longer " +
      "show your inquiry.",
    withdrawn: "You withdrew your consent on {date}; we send you no more mail.",
    confirmWithdraw: "Withdraw your consent? We will send you no more mail and will not contact you for marketing.",
    confirmErase: "Ask us to erase your personal data? It is done within 15 working days and cannot be undone.",
    confirm: "Confirm",
    cancel: "Cancel",
    requests: "Your requests",
    requestLine: "{kind}: received {date}",
    kinds: { WITHDRAW: "Withdraw consent", ERASE: "Erase personal data" },
    states: { received: "received", inProgress: "in progress, done by {due}", done: "done on {date}" },
    requested: {
      WITHDRAW: "We have your withdrawal of consent; it applies at once: we send you no more mail.",
      ERASE: "We have your request to erase your personal data and will do it in time.",
    },
    errors: {
      invalid: "The request was not sent: press the button again and confirm.",
      notFound: "This link is not valid.",
      erased: "Your personal data has been erased.",
      rateLimited: "Too many requests; please try again later.",
      unavailable: "We cannot save your request right now; please try again later or call {phone}.",
    },
  },
  erased: {
    title: "Your personal data has been erased",
    body: "As you asked, the personal data of this inquiry has been erased.",
  },
  notFound: {
    title: "Page not found",
    body: "The link may be incomplete. Please use the full link from the confirmation mail or page.",
  },
  confirmationLink: "See how your inquiry is going, or see or erase your personal data, at any time:",
  receipt: {
    subject: "We have received your inquiry (reference {reference})",
    greeting: "Dear {contact},",
    received: "{operator} has received the inquiry you sent on {sentAt}, reference {reference}.",
    asked: "What you asked for: {need}",
    use: "Use: {use}",
    owner: "Your promotion officer is {name}, phone {phone}, who will contact you {deadline}.",
    ownerNoPhone: "Your promotion officer is {name}, who will contact you {deadline}.",
    noOwner: "A promotion officer will contact you {deadline}.",
    soon: "shortly",
    statusLink: "Your inquiry's status page: progress, what we hold about you, withdrawing consent, erasure",
    footer:
      "This mail was sent by {operator} because this address was given in an inquiry form. " +
      "If you did not send it, please ignore this mail.",
  },
};
