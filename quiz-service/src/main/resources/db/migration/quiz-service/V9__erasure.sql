-- When and why a worker's personal data was erased: at their own request (consent withdrawn), or when the
-- campaign's retention period ended. The pseudonymous id, union, organisation, attempts and draws stay, so the
-- figures do not change. After a worker's own request the keyed phone/openid fingerprints are kept until the
-- retention ends, so that signing in again finds the same pseudonymous worker (one attempt a day still holds).
ALTER TABLE worker
    ADD COLUMN erased_at      timestamptz,
    ADD COLUMN erasure_reason text CHECK (erasure_reason IN ('worker-request', 'retention'));
CREATE INDEX worker_not_erased ON worker (registered_at) WHERE erased_at IS NULL OR phone_hash IS NOT NULL;

-- Why an admin looked at full contact details (the delivery list), next to who and when.
ALTER TABLE contact_access ADD COLUMN purpose text;
