"use client";
import { useRouter } from "next/navigation";

/**
 * After a test is queued, the page is refreshed a few times so the delivery log shows its result: the
 * worker sends within a second or two, and a vendor that answers slowly still shows up by the last one.
 */
export function useLogRefresh(): () => void {
  const router = useRouter();
  return () => {
    for (const delay of [1_500, 4_000, 10_000]) setTimeout(() => router.refresh(), delay);
  };
}
