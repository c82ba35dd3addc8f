import { describe, expect, it } from "vitest";
import { maskEmail, maskedText, maskHandle, maskMobiles, maskPhone, searchesOnlyUnmaskedText } from "./mask";

const PHONE = "13812345678";
/** The digits maskPhone hides: no mask may show them. */
const HIDDEN = "1234";

describe("maskPhone", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["+8613812345678", "+86*******5678"],
    ["1234567", "*******"],
    ["", ""],
  ])("%s → %s", (phone, shown) => expect(maskPhone(phone)).toBe(shown));
});

describe("maskHandle (WeChat IDs, an email's name)", () => {
  it.each([
    ["wxid_abc12378", "wx****78"],
    [PHONE, "13****78"],
    ["abcdefgh", "ab****gh"],
    ["abcdefg", "a****g"],
    ["abcde", "a****e"],
    ["abcd", "****"],
    ["ab", "****"],
    ["", "****"],
    ["张三丰李四王五", "张****五"],
  ])("%s → %s", (value, shown) => expect(maskHandle(value)).toBe(shown));

  it("hides the length: long and short IDs show the same number of stars", () => {
    expect(maskHandle("wx_a_very_long_wechat_id_99")).toBe("wx****99");
  });
});

describe("maskEmail", () => {
  it.each([
    [`${PHONE}@139.com`, "13****78@139.com"],
    ["zhang.san@example.com.cn", "zh****an@example.com.cn"],
    ["ab@qq.com", "****@qq.com"],
    [`${PHONE}＠139.com`, "13****78＠139.com"],
    [`boss@${PHONE}.cn`, "****@138****5678.cn"],
    ["not-an-email", "no****il"],
  ])("%s → %s", (email, shown) => expect(maskEmail(email)).toBe(shown));
});

describe("maskMobiles", () => {
  it.each([
    [PHONE, "138****5678"],
    ["+86 138 1234 5678", "+86 138****5678"],
    ["+8613812345678", "+86138****5678"],
    ["0086-138-1234-5678", "0086-138****5678"],
    ["8613812345678", "86138****5678"],
    ["138-1234-5678", "138****5678"],
    ["138 - 1234 - 5678", "138****5678"],
    ["１３８１２３４５６７８", "１３８****５６７８"],
    ["138　1234　5678", "138****5678"],
    ["wx13812345678", "wx138****5678"],
    ["wxid_13812345678", "wxid_138****5678"],
  ])("%s → %s", (text, shown) => {
    expect(maskMobiles(text)).toBe(shown);
    expect(maskMobiles(text)).not.toContain(HIDDEN);
  });

  it("finds numbers among Chinese text and punctuation", () => {
    expect(maskMobiles("请致电13812345678，或19900001111找王总。")).toBe("请致电138****5678，或199****1111找王总。");
    expect(maskMobiles("手机：+86 158-0000-1234（白天）")).toBe("手机：+86 158****1234（白天）");
  });

  it.each([
    ["12812345678", "not a mobile prefix"],
    ["1381234567", "ten digits"],
    ["138123456789", "twelve digits: part of a longer number"],
    ["021-12345678", "a landline"],
    ["面积 13000 平方米，税收 300 万元", "amounts"],
    ["2026-12-06", "a date"],
  ])("leaves %s alone (%s)", (text) => expect(maskMobiles(text)).toBe(text));
});

describe("maskedText", () => {
  it("masks the phone, an email made of it and the lead's WeChat ID made of it, inside Chinese text", () => {
    const message = `您好，我的手机${PHONE}，邮箱${PHONE}@139.com，微信同号。另有 zhang.san@example.com。`;
    const shown = maskedText(message, { wechat: PHONE });
    expect(shown).toBe("您好，我的手机138****5678，邮箱13****78@139.com，微信同号。另有 zh****an@example.com。");
    expect(shown).not.toContain(HIDDEN);
  });

  it("masks the lead's own WeChat ID wherever it stands alone, in any case, but not inside a longer word", () => {
    expect(maskedText("加微信 LiMing_88 或 liming_88 详谈", { wechat: "liming_88" })).toBe(
      "加微信 Li****88 或 li****88 详谈",
    );
    expect(maskedText("xliming_88y", { wechat: "liming_88" })).toBe("xliming_88y");
  });

  it("masks the lead's own email even where it would not pass for an address", () => {
    expect(maskedText("mail: boss@intranet", { email: "boss@intranet" })).toBe("mail: ****@intranet");
  });

  it("masks a WeChat ID that is wx plus the phone as the phone, with or without being told it", () => {
    expect(maskedText("微信wx13812345678", { wechat: "wx13812345678" })).toBe("微信wx138****5678");
    expect(maskedText("微信wx13812345678")).toBe("微信wx138****5678");
  });

  it("ignores WeChat IDs too short to be one, so it does not mask ordinary words", () => {
    expect(maskedText("ab cd", { wechat: "ab" })).toBe("ab cd");
  });

  it("leaves text without contacts as it is", () => {
    const note = "客户想要 2000 平方米厂房，年税收约 300 万元，12 月 6 日来看地。";
    expect(maskedText(note, { wechat: "wxid_abc", email: "a@b.cn" })).toBe(note);
  });
});

describe("searchesOnlyUnmaskedText", () => {
  it.each(["厂房", "王总", "精密轴承", "白天。"])("lets %s search masked notes", (term) =>
    expect(searchesOnlyUnmaskedText(term)).toBe(true),
  );
  it.each(["138", "5678", "wx", "zhang", "@139", "139.com", "厂房138", "１３８", "（白天）", "－", "·", "—"])(
    "keeps %s away from masked notes",
    (term) => expect(searchesOnlyUnmaskedText(term)).toBe(false),
  );
});
