import { describe, expect, it } from "vitest";
import { kindPicture, listingSharePicture, parkSharePicture, shareDescription, shareMetadata } from "./share-card";

const card = {
  title: "科创智谷 A3 栋 独栋三层厂房",
  description: "出售 · 多层厂房 · 2,400 m²",
  path: "/listings/abc",
  image: { url: "/demo/share-multi-storey.png", alt: "独栋多层厂房外立面", width: 1200, height: 750 },
  siteName: "园区招商",
  locale: "zh-CN" as const,
};

describe("a page's share card", () => {
  it("gives previews the title, description, page address and an absolute image", () => {
    const metadata = shareMetadata(card, "https://zhaoshang.example.cn");
    expect(metadata.title).toBe(card.title);
    expect(metadata.description).toBe(card.description);
    expect(metadata.alternates?.canonical).toBe("https://zhaoshang.example.cn/listings/abc");
    expect(metadata.openGraph).toMatchObject({
      type: "website",
      url: "https://zhaoshang.example.cn/listings/abc",
      siteName: "园区招商",
      locale: "zh_CN",
      title: card.title,
      description: card.description,
      images: [
        {
          url: "https://zhaoshang.example.cn/demo/share-multi-storey.png",
          alt: "独栋多层厂房外立面",
          width: 1200,
          height: 750,
        },
      ],
    });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", title: card.title });
  });

  it("resolves paths against the site's origin and keeps an image stored elsewhere as it is", () => {
    const stored = { ...card, locale: "en" as const, image: { url: "https://oss.example.cn/p/1.jpg", alt: "" } };
    const metadata = shareMetadata(stored, "https://example.cn/zhaoshang/");
    expect(metadata.openGraph).toMatchObject({
      url: "https://example.cn/listings/abc",
      locale: "en_US",
      images: [{ url: "https://oss.example.cn/p/1.jpg" }],
    });
  });
});

describe("a listing's share picture", () => {
  const listing = { kind: "FACTORY" as const, factoryType: "SINGLE_STOREY" as const };

  it("is its first photo a preview can show", () => {
    const photos = [{ url: "/demo/single-storey.svg" }, { url: "/media/listings/a/2.jpg" }, { url: "/media/3.png" }];
    expect(listingSharePicture({ ...listing, photos })).toEqual({ url: "/media/listings/a/2.jpg" });
  });

  it.each([
    [{ kind: "FACTORY", factoryType: "SINGLE_STOREY" }, "/demo/share-single-storey.png"],
    [{ kind: "FACTORY", factoryType: "MULTI_STOREY" }, "/demo/share-multi-storey.png"],
    [{ kind: "FACTORY", factoryType: null }, "/demo/share-multi-storey.png"],
    [{ kind: "OFFICE", factoryType: null }, "/demo/share-office.png"],
    [{ kind: "LAND", factoryType: null }, "/demo/share-land.png"],
  ] as const)("falls back to the picture of its kind (%o)", (kind, url) => {
    expect(listingSharePicture({ ...kind, photos: [{ url: "/demo/land.svg?v=2" }] })).toEqual({
      url,
      width: 1200,
      height: 750,
    });
  });

  it("has a drawing of its kind for a card without photos", () => {
    expect(kindPicture({ kind: "FACTORY", factoryType: "STANDARD" })).toBe("/demo/multi-storey.svg");
    expect(kindPicture({ kind: "LAND", factoryType: null })).toBe("/demo/land.svg");
  });

  it("of a park is the site plan", () => {
    expect(parkSharePicture.url).toBe("/demo/share-site-plan.png");
  });
});

describe("a share description", () => {
  it("puts the facts first and the text after, in the reader's punctuation", () => {
    expect(shareDescription(["出售", "", "2,400 m²"], " 独栋三层，\n带电梯 ", "zh-CN")).toBe(
      "出售 · 2,400 m²。独栋三层， 带电梯",
    );
    expect(shareDescription(["For sale"], "Three storeys.", "en")).toBe("For sale. Three storeys.");
  });

  it("is cut to 120 characters at a whole character", () => {
    const cut = shareDescription(["出售"], "厂".repeat(300), "zh-CN");
    expect(Array.from(cut)).toHaveLength(120);
    expect(cut.endsWith("厂…")).toBe(true);
    expect(shareDescription([], "𠀀".repeat(200), "zh-CN")).toBe(`${"𠀀".repeat(119)}…`);
  });
});
