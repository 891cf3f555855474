-- The sequence of the newest PointsAwarded applied (0: none, or only schema-1 events). A newer sequence sets the
-- draws earned, also downwards after an admin took points away, but never below the draws already used.
ALTER TABLE entitlement ADD COLUMN points_sequence bigint NOT NULL DEFAULT 0;
