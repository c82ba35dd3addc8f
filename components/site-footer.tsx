import Link from "next/link";
import type { Messages } from "@/lib/i18n/messages";
import type { PrivacyOperator } from "@/lib/privacy/notice";

export function SiteFooter({ messages, operator, english }: { messages: Messages; operator: PrivacyOperator; english: boolean }) {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{messages.site.footer}</p>
        <p>
          {english ? operator.nameEn : operator.name} · {operator.phone} ·{" "}
          <Link href="/privacy">{messages.site.nav.privacy}</Link>
        </p>
      </div>
    </footer>
  );
}
