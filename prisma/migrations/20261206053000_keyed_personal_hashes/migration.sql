-- Data migration: nothing derived from a person is left under a hash anyone can recompute.
--
-- Rate-limit counters are now keyed by an HMAC under the server secret (lib/inquiries/rate-limit.ts).
-- The counters written under the earlier plain SHA-256 of the phone or address would be unreadable
-- to the new code anyway, and a plain hash of an 11-digit phone is reversed in seconds; they only
-- held hourly windows, so they are dropped (at worst a visitor gets one more hour's allowance).
DELETE FROM "RateLimitCounter";

-- The inbox export's audit entries kept the search text an officer typed (a phone, a name): keep
-- only that there was one and its length, as lib/leads/export.ts now writes them.
UPDATE "AuditEntry"
SET "details" = ("details" #- '{filter,q}')
  || jsonb_build_object('search', jsonb_build_object('characters', char_length("details" -> 'filter' ->> 'q')))
WHERE "action" = 'lead.export' AND jsonb_typeof("details" -> 'filter') = 'object' AND ("details" -> 'filter') ? 'q';

-- Inquiries of people erased before erasure covered them: the client's idempotency key (free to
-- contain the phone) and the digest of the body go, as lib/leads/erase.ts now does.
UPDATE "Inquiry" i
SET "idempotencyKey" = NULL, "requestHash" = 'erased'
FROM "Lead" l
WHERE l."id" = i."leadId" AND l."erasedAt" IS NOT NULL;
