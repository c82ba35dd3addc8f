import { useEffect, useRef } from "react";

/**
 * Gives the form's hidden submission key a new value whenever the form is shown again: mounted anew
 * (a back navigation inside the site shows the page's earlier render, with its key) or restored from
 * the browser's back-forward cache (lib/http/page-cache.ts lets public pages be kept). A key belongs to
 * one showing of the form, so a double click or a resend stores one inquiry, while a second inquiry
 * written after going back is not refused as a reused key. Without JavaScript the server's key stands.
 * Returns the ref for the hidden input.
 */
export function useFreshSubmissionKey() {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const renew = () => {
      if (input.current) input.current.value = newSubmissionKey();
    };
    renew();
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) renew();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, []);
  return input;
}

/** A random (version 4) UUID; crypto.randomUUID exists only on https, an intranet site may be plain http. */
function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
