import type { Messages } from "../messages";

export const publicListingsEn: Messages["publicListings"] = {
  contactBar: {
    label: "Contact the investment office",
    call: "Call us",
    leaveNeed: "Tell us your need",
  },
  gallery: {
    label: "Photos",
    previous: "Previous photo",
    next: "Next photo",
    position: "Photo {current} of {total}",
  },
  availability: {
    listing: "Available {free} of {total}",
    park: "{free} of {total} available",
  },
  share: {
    catalogueDescription:
      "Factories, R&D offices and industrial land for sale and lease in the parks: area, price, floor height, " +
      "floor load and power at a glance. Tell us your need and an investment officer calls you back.",
    parkTitle: "Listings at {park}",
    parkFacts: "{city} · {count, plural, one {# listing} other {# listings}} available",
  },
};
