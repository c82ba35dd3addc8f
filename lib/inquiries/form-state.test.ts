import { describe, expect, it } from "vitest";
import { inquiryFromFormData } from "./form-state";
import { inquirySchema } from "./schema";

describe("inquiryFromFormData", () => {
  it("nests need.* fields, reads the consent box and drops the form's own hidden fields", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      "need.deal": "rent",
      "need.kind": "office",
      "need.area": "600",
      "need.areaUnit": "sqm",
      use: "软件研发",
      expectedAnnualTax: "50",
      company: "杭州某某科技有限公司",
      contactName: "李女士",
      phone: "13900001111",
      consent: "on",
      submissionKey: "c0a80101-0000-4000-8000-000000000000",
      renderedAt: "1",
      website: "",
      sourcePage: "/inquire",
      $ACTION_ID_abc: "",
    }))
      form.append(name, value);

    const inquiry = inquiryFromFormData(form);
    expect(inquiry).toEqual({
      need: { deal: "rent", kind: "office", area: "600", areaUnit: "sqm" },
      use: "软件研发",
      expectedAnnualTax: "50",
      company: "杭州某某科技有限公司",
      contactName: "李女士",
      phone: "13900001111",
      consent: true,
    });
    expect(inquirySchema.safeParse(inquiry).success).toBe(true);
  });

  it("leaves consent unset when the box was not ticked", () => {
    const form = new FormData();
    form.append("company", "x");
    expect(inquiryFromFormData(form).consent).toBeUndefined();
  });
});
