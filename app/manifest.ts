import type { MetadataRoute } from "next";
import { zhCN } from "@/lib/i18n/messages/zh-CN";

/** What a phone keeps when the site is added to its home screen: the Chinese name, the brand's blue. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: zhCN.site.name,
    short_name: zhCN.site.name,
    description: zhCN.site.tagline,
    lang: "zh-CN",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f3f6f9",
    theme_color: "#0b5cad",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
