"use client";
import { Dialog as Primitive } from "radix-ui";
import type { ReactNode, RefObject } from "react";
import styles from "./dialog.module.css";

/**
 * The workspace's modal dialog (Radix Dialog underneath: focus kept inside, Escape and the backdrop
 * close it, the page behind does not scroll, focus goes back where it came from).
 *
 *   <Dialog open={open} onOpenChange={setOpen} title="合并 …" trigger={<button …>合并</button>}>…</Dialog>
 *
 * - `trigger` opens it; leave it out when something else does (a menu item, a board move) and pass
 *   `returnFocus`, the element that should take focus back when it closes.
 * - `onOpenChange(false)` is every way of closing (Escape, the backdrop, a Close inside); a dialog
 *   that must not close while it saves answers it by ignoring the call.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  trigger,
  returnFocus,
  size = "md",
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  trigger?: ReactNode;
  returnFocus?: RefObject<HTMLElement | null>;
  size?: "md" | "lg";
  children: ReactNode;
}) {
  return (
    <Primitive.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <Primitive.Trigger asChild>{trigger}</Primitive.Trigger>}
      <Primitive.Portal>
        <Primitive.Overlay className={styles.overlay} />
        <Primitive.Content
          className={`${styles.content} ${styles[size]}`}
          // Without a description, no aria-describedby pointing at nothing.
          {...(description ? {} : { "aria-describedby": undefined })}
          onCloseAutoFocus={(event) => {
            if (!returnFocus?.current) return;
            event.preventDefault();
            returnFocus.current.focus();
          }}
        >
          <Primitive.Title className={styles.title}>{title}</Primitive.Title>
          {description && <Primitive.Description className={styles.description}>{description}</Primitive.Description>}
          {children}
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}

/** A button inside a dialog that closes it (a "cancel"); styled by the caller. */
export const DialogClose = Primitive.Close;
