import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { inquirySchema } from "../inquiries/schema";
import { leadEditSchema } from "../leads/edit/schema";
import { creditCode, email, phone, wechatId } from "./fields";

/*
 * The contact fields are defined once in the field kit, so the public inquiry and the lead page's
 * edit form read the same input the same way and answer it with the same message.
 */

const messageOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? undefined : result.error.issues[0].message;
};
const inquiryMessage = (field: string, value: unknown) =>
  inquirySchema.safeParse({ [field]: value }).error?.issues.find((issue) => issue.path[0] === field)?.message;
const editMessage = (field: string, value: unknown) =>
  leadEditSchema
    .safeParse({ leadId: "l1", version: 1, [field]: value })
    .error?.issues.find((issue) => issue.path[0] === field)?.message;

describe("the field kit's contact fields", () => {
  it("reads a mobile number however it is grouped or prefixed, and says what is wrong with the rest", () => {
    expect(phone().parse("+86 138-1234 5678")).toBe("13812345678");
    expect(phone().parse("１３８１２３４５６７８")).toBe("13812345678");
    expect(phone().parse("8613812345678")).toBe("13812345678");
    expect(messageOf(phone(), " ")).toBe("required");
    expect(messageOf(phone(), undefined)).toBe("required");
    expect(messageOf(phone(), "12812345678")).toBe("phone");
    expect(messageOf(phone(), 13812345678)).toBe("phone");
  });

  it.each([
    ["wechat", "ab", "wechat"],
    ["wechat", "微信号", "wechat"],
    ["wechat", "x".repeat(41), "wechat"],
    ["email", "not-an-address", "email"],
    ["email", `${"a".repeat(250)}@x.cn`, "tooLong:254"],
    ["creditCode", "91320500MA1XXXXXX0", "creditCode"],
  ])("answers %s %j with %j on the public inquiry and the lead edit alike", (field, value, message) => {
    expect(inquiryMessage(field, value)).toBe(message);
    expect(editMessage(field, value)).toBe(message);
  });

  it("keeps what both forms accept in the same shape", () => {
    expect(wechatId().parse(" wx_park-01 ")).toBe("wx_park-01");
    expect(email().parse(" li@example.cn ")).toBe("li@example.cn");
    expect(creditCode().parse(" ９１１１０１０８５５１３８５０８２ｑ ")).toBe("91110108551385082Q");
  });
});
