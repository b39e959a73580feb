-- Named leases shared by every Lifeboat instance on this store: the holder of `leader` runs monitors, schedules and
-- announcements. A holder that stops renewing loses it once `until_at` has passed.
CREATE TABLE leases (
    name      VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner     VARCHAR(128) NOT NULL,
    until_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
