import type { Metadata } from "next";
import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";

// Its own title: a page that calls notFound() (a listing that is gone) would otherwise leave the tab without one.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).errors.notFoundTitle };
}

export default async function NotFound() {
  const messages = await getMessages();
  return (
    <main className="container">
      <div className="panel" style={{ maxWidth: 640, margin: "40px auto" }}>
        <h1>{messages.errors.notFoundTitle}</h1>
        <p>{messages.errors.notFound}</p>
        <Link href="/" className="button">
          {messages.errors.home}
        </Link>
      </div>
    </main>
  );
}
