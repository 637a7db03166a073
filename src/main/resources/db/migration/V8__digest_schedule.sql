-- The weekly digest owns its settings: a row only for communities whose facilitators changed them; a community
-- without one gets the default (Monday 09:00 in its time zone, on). Non-default settings move over, nothing lost.
CREATE TABLE digest_schedule (
    community_id  BIGINT   PRIMARY KEY REFERENCES community (id) ON DELETE CASCADE,
    weekday       SMALLINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    time_of_day   TIME     NOT NULL,
    enabled       BOOLEAN  NOT NULL
);

INSERT INTO digest_schedule (community_id, weekday, time_of_day, enabled)
SELECT id, digest_day, digest_time, digest_enabled FROM community
WHERE digest_day <> 1 OR digest_time <> TIME '09:00' OR NOT digest_enabled;

ALTER TABLE community
    DROP COLUMN digest_day,
    DROP COLUMN digest_time,
    DROP COLUMN digest_enabled;
