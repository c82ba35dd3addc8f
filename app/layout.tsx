import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { CspSafeZod } from "@/components/csp-safe-zod";
import { I18nProvider } from "@/components/i18n-provider";
import { getLocale, getMessages } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const messages = await getMessages();
  return {
    title: { default: messages.site.name, template: `%s · ${messages.site.name}` },
    description: messages.site.tagline,
  };
}

// Every page reads the visitor's language cookie and most read the database: nothing is prerendered,
// so `next build` never opens (or creates, or seeds) a database. Rendering per request is also what
// lets Next put each response's CSP nonce (proxy.ts) on its scripts.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <CspSafeZod />
        {/* The error boundary (app/error.tsx) is a client component under every page. */}
        <I18nProvider namespaces={["errors"]}>{children}</I18nProvider>
      </body>
    </html>
  );
}
