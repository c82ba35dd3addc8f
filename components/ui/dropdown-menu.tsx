"use client";
import { DropdownMenu as Primitive } from "radix-ui";
import type { ReactNode, Ref } from "react";
import styles from "./dropdown-menu.module.css";

/**
 * A button that opens a menu of actions (Radix DropdownMenu underneath: arrow keys, typeahead,
 * Escape, focus back on the button).
 *
 *   <DropdownMenu label="更多操作" triggerRef={ref}>
 *     <DropdownMenuItem tone="danger" onSelect={() => setErasing(true)}>删除个人信息</DropdownMenuItem>
 *   </DropdownMenu>
 *
 * An item that opens a dialog sets the dialog's state in `onSelect`; the dialog renders outside the
 * menu and gives focus back to `triggerRef` when it closes.
 */
export function DropdownMenu({
  label,
  triggerRef,
  children,
}: {
  label: string;
  triggerRef?: Ref<HTMLButtonElement>;
  children: ReactNode;
}) {
  return (
    <Primitive.Root>
      <Primitive.Trigger asChild>
        <button type="button" ref={triggerRef} className={`button secondary ${styles.trigger}`}>
          {label}
          <span aria-hidden="true" className={styles.chevron}>
            ▾
          </span>
        </button>
      </Primitive.Trigger>
      <Primitive.Portal>
        <Primitive.Content className={styles.content} align="end" sideOffset={6} collisionPadding={8}>
          {children}
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}

export function DropdownMenuItem({
  onSelect,
  tone,
  disabled,
  children,
}: {
  onSelect: () => void;
  tone?: "danger";
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Primitive.Item
      className={`${styles.item} ${tone === "danger" ? styles.danger : ""}`}
      disabled={disabled}
      onSelect={onSelect}
    >
      {children}
    </Primitive.Item>
  );
}
