-- Attempts whose PointsAwarded has arrived, so the page can say honestly that points are still being booked.
ALTER TABLE balance ADD COLUMN booked_attempts int NOT NULL DEFAULT 0;
