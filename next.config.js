const PERMISSIONS_POLICY = [
  "accelerometer",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "payment",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its WebAssembly and data files relative to its own module; bundled, it cannot find them.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  typedRoutes: false,
  images: { unoptimized: true },
  experimental: {
    // A lead import uploads a workbook of up to 10 MB through a server action (lib/leads/import): the
    // action's body and the copy proxy.ts reads are both allowed that much plus the form's own bytes.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          // Nothing here uses the camera, microphone, location, payments, USB or sensors; an injected frame or script may not either.
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
      {
        // Pages get a nonce policy from proxy.ts (which skips these paths). JSON, the demo pictures
        // and next-auth's plain fallback pages (inline styles, a form) never run or load anything.
        source: "/(api|demo)/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value:
              "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
          },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
