import type { ComponentPropsWithoutRef } from "react";
import { telHref } from "@/lib/forms/tel-href";

type Props = Omit<ComponentPropsWithoutRef<"a">, "href"> & { phone: string };

/** A phone number a phone can dial with one tap; plain text when it holds nothing to dial. */
export function PhoneLink({ phone, children, ...props }: Props) {
  const href = telHref(phone);
  if (!href) return <>{children ?? phone}</>;
  return (
    <a href={href} {...props}>
      {children ?? phone}
    </a>
  );
}
