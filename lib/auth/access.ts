import type { Role } from "./schema";
import type { Viewer } from "./session";

/** Thrown by lib/ when the viewer may not do something; actions turn it into a "forbidden" answer. */
export class AccessDenied extends Error {
  constructor(what: string) {
    super(`Access denied: ${what}`);
    this.name = "AccessDenied";
  }
}

/** The one check every lib/ mutation and query starts with. A null viewer is an anonymous request. */
export function assertRole(viewer: Viewer | null, roles: readonly Role[], what: string): asserts viewer is Viewer {
  if (!viewer || !roles.includes(viewer.role)) throw new AccessDenied(what);
}
