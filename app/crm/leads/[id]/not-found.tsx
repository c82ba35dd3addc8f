import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";

/** The same answer for a lead that does not exist and one the viewer may not see. */
export default async function LeadNotFound() {
  const text = (await getMessages()).leadPage;
  return (
    <>
      <h1>{text.notFound.title}</h1>
      <p>{text.notFound.body}</p>
      <p>
        <Link href="/crm/leads">{text.back}</Link>
      </p>
    </>
  );
}
