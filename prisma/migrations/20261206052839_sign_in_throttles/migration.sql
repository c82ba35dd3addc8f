-- Sign-in throttles are per (email, address) and per address; no account is locked for everyone.
ALTER TABLE "User" DROP COLUMN "failedLogins",
DROP COLUMN "lockedUntil";

-- The old per-address counters were keyed by an unkeyed hash; the new ones are keyed digests under
-- the server secret, so the old rows would never match again.
DELETE FROM "LoginThrottle";

-- The session-signing secret no longer lives in the database (a read of a backup could forge any
-- session); it comes from NEXTAUTH_SECRET or the data folder. Cookies it signed stop working, so
-- everyone signs in once more.
DELETE FROM "Setting" WHERE "key" = 'auth.secret';
