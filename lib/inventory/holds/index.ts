import "server-only";

/*
 * What the server's start-up uses of holds (lib/startup): the expiry runner every instance runs.
 */
export { startHoldExpiry, stopHoldExpiry } from "./runner";
