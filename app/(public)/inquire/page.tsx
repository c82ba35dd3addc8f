import type { Metadata } from "next";
import { InquiryPanel } from "../inquiry-panel";
import { getMessages } from "@/lib/i18n/server";
import { I18nProvider } from "@/components/i18n-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).inquiry.pageTitle };
}

/** The general inquiry, not tied to a listing: "招商咨询 / Tell us your need". */
export default async function InquirePage() {
  const messages = await getMessages();
  return (
    <I18nProvider namespaces={["inquiry", "validation"]}>
      <div className="panel" style={{ maxWidth: 760, margin: "0 auto" }}>
        <h1>{messages.inquiry.pageTitle}</h1>
        <p className="meta">{messages.inquiry.pageLead}</p>
        <InquiryPanel sourcePage="/inquire" sectionHeading="h2" />
      </div>
    </I18nProvider>
  );
}
