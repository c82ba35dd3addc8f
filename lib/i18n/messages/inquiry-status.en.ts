import type { Messages } from "../messages";

export const inquiryStatusEn: Messages["inquiryStatus"] = {
  need: "{deal} · {kind}, {area}",
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
    statusLink: "See how your inquiry is going, see what we hold about you, withdraw consent or ask for erasure:",
    footer:
      "This mail was sent by {operator} because this address was given in an inquiry form. " +
      "If you did not send it, please ignore this mail.",
  },
};
