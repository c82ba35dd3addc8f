import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";
import styles from "./demo.module.css";

/** Above every workspace page while the seeded demo is there: what it is, and where an admin removes it. */
export async function DemoBanner({ admin }: { admin: boolean }) {
  const { banner } = (await getMessages()).demo;
  return (
    <div className={styles.banner} data-testid="demo-banner">
      <strong>{banner.title}</strong>
      <p>{banner.text}</p>
      {admin ? <Link href="/crm/settings#demo-data">{banner.remove}</Link> : <p>{banner.askAdmin}</p>}
    </div>
  );
}
