"use client";
import { useSyncExternalStore } from "react";

const neverChanges = () => () => {};

/**
 * Whether the page's scripts are running: false in the server's HTML and while React hydrates it,
 * true from the next render on (and at once in a component first rendered in the browser). For
 * controls that do nothing without scripts, and forms that say whether their script ran.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );
}
