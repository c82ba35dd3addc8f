import type { reportsConversionZhCN } from "./reports-conversion.zh-CN";

/** The breakdowns of the conversion report. */
const dimensions = {
  source: "Source",
  medium: "UTM medium",
  referrer: "Referring site",
  listing: "Listing",
  park: "Park",
  owner: "Owner",
  industry: "Industry (use)",
};

export const reportsConversionEn: typeof reportsConversionZhCN = {
  title: "Conversion and trend",
  conversion: {
    summary:
      "{leads, plural, one {# lead} other {# leads}} created in the range, {inquiries, plural, one {# inquiry} " +
      "other {# inquiries}} from them, {signed} signed so far.",
    definition:
      "Counts the leads created in the range (merged-away leads excluded): inquiries are all the inquiries those " +
      "leads have received so far (a merge's inquiries count on the lead kept); signed are those of them now in a " +
      "signed stage; expected tax is the sum of the signed annual tax recorded on the signed ones. UTM medium and " +
      "referring site come from each lead's first inquiry.",
    dimension: "Break down by",
    chart: "Bar chart of leads and signed by {dimension}",
    chartTop: "The chart shows the {count} rows with the most leads; the table below has them all.",
  },
  dimensions,
  rows: {
    total: "Total",
    noListing: "No listing",
    noPark: "No park",
    noIndustry: "Not given",
  },
  columns: {
    // A dimension's table is headed by its name.
    ...dimensions,
    inquiries: "Inquiries",
    leads: "Leads",
    newLeads: "New leads",
    signed: "Signed",
    signedRate: "Signed rate",
    signedTax: "Expected annual tax of the signed",
    period: "Period",
    inquiriesLastYear: "Inquiries (a year earlier)",
    newLeadsLastYear: "New leads (a year earlier)",
    signedLastYear: "Signed (a year earlier)",
    signedTaxLastYear: "Expected tax signed (a year earlier)",
  },
  tables: {
    source: "By source",
    medium: "By UTM medium (first inquiry)",
    referrer: "By referring site (first inquiry)",
    listing: "By listing",
    park: "By park",
    owner: "By owner",
    industry: "By industry (use)",
    trend: "Trend",
  },
  trend: {
    summary:
      "{periods, plural, one {# period} other {# periods}}: " +
      "{inquiries, plural, one {# inquiry} other {# inquiries}}, " +
      "{leads, plural, one {# new lead} other {# new leads}}, {signed} signed.",
    definition:
      "Whole weeks (ISO, from Monday) or whole months, Beijing time. Inquiries count when received, new leads " +
      "when created, signings when the lead last entered a signed stage (whenever it was created; only leads " +
      "still signed). A year earlier is the same week number or month of the previous year, left blank when that " +
      "period holds no data at all.",
    metric: "Show",
    thisYear: "This period",
    lastYear: "A year earlier",
    chart: "Line chart of {metric}: this period against a year earlier",
    metrics: {
      inquiries: "Inquiries",
      leads: "New leads",
      signed: "Signed",
      signedTax: "Expected tax signed (10k CNY)",
    },
  },
};
