import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getViewer } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/server";
import { I18nProvider } from "@/components/i18n-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).auth.title, robots: { index: false } };
}

/** Only workspace paths are accepted as the place to return to, so the form cannot be used to redirect elsewhere. */
function safeReturnPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && /^\/crm(\/|$|\?)/.test(path) ? path : "/crm";
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getViewer()) redirect(returnTo);
  const messages = await getMessages();
  return (
    <I18nProvider namespaces={["auth", "validation"]}>
      <main id="main" className="container narrow">
        <h1>{messages.auth.title}</h1>
        <SignInForm returnTo={returnTo} />
      </main>
    </I18nProvider>
  );
}
