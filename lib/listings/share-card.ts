import type { Metadata } from "next";
import type { Locale } from "../i18n/messages";

/** What a link preview shows: WeChat, Open Graph readers and X read the same card. */
export interface ShareCard {
  title: string;
  description: string;
  /** The page's own path ("/listings/abc"); made absolute against the site's public address. */
  path: string;
  image: { url: string; alt: string; width?: number; height?: number };
  siteName: string;
  locale: Locale;
}

/** The per-kind pictures in public/demo; previews get them as PNG, since link previews do not show SVG. */
export const SHARE_PICTURE_SIZE = { width: 1200, height: 750 } as const;

interface Kind {
  kind: "FACTORY" | "OFFICE" | "LAND";
  factoryType: "STANDARD" | "SINGLE_STOREY" | "MULTI_STOREY" | null;
}

function pictureName({ kind, factoryType }: Kind) {
  if (kind === "FACTORY") return factoryType === "SINGLE_STOREY" ? "single-storey" : "multi-storey";
  return kind === "OFFICE" ? "office" : "land";
}

/** The drawing of a listing's kind, shown where the listing has no photo. */
export function kindPicture(listing: Kind): string {
  return `/demo/${pictureName(listing)}.svg`;
}

const DESCRIPTION_LENGTH = 120;

/** The page's title, description, canonical address, Open Graph and Twitter card, every address absolute. */
export function shareMetadata(card: ShareCard, siteUrl: string): Metadata {
  const url = new URL(card.path, siteUrl).toString();
  const image = { ...card.image, url: new URL(card.image.url, siteUrl).toString() };
  return {
    title: card.title,
    description: card.description,
    alternates: { canonical: url },
    openGraph: {
      type: "website",
      url,
      siteName: card.siteName,
      locale: card.locale === "en" ? "en_US" : "zh_CN",
      title: card.title,
      description: card.description,
      images: [image],
    },
    twitter: { card: "summary_large_image", title: card.title, description: card.description, images: [image] },
  };
}

/**
 * The listing's first photo a preview can show (uploads are JPEG, PNG or WebP; the bundled demo
 * pictures are SVG, which previews ignore), else the picture of its kind.
 */
export function listingSharePicture(listing: Kind & { photos: { url: string }[] }): {
  url: string;
  width?: number;
  height?: number;
} {
  const photo = listing.photos.find((candidate) => !/\.svg(\?|#|$)/i.test(candidate.url));
  if (photo) return { url: photo.url };
  return { url: `/demo/share-${pictureName(listing)}.png`, ...SHARE_PICTURE_SIZE };
}

/** The picture for the catalogue and a park's listings: the site plan. */
export const parkSharePicture = { url: "/demo/share-site-plan.png", ...SHARE_PICTURE_SIZE };

/**
 * The key facts first (a preview shows two lines or so), then the text, cut at a whole character
 * with an ellipsis.
 */
export function shareDescription(facts: string[], text: string, locale: Locale): string {
  const lead = facts.filter(Boolean).join(" · ");
  const whole = [lead, text.trim().replace(/\s+/g, " ")].filter(Boolean).join(locale === "en" ? ". " : "。");
  const characters = Array.from(whole);
  return characters.length <= DESCRIPTION_LENGTH
    ? whole
    : `${characters
        .slice(0, DESCRIPTION_LENGTH - 1)
        .join("")
        .trimEnd()}…`;
}
