-- Which Lifeboat instance executes a RUNNING run, and until when that claim holds without being renewed. An
-- instance that dies stops renewing; another (or the same one restarted) takes the run over once the lease ran out.
ALTER TABLE runs ADD COLUMN lease_owner VARCHAR(128);
ALTER TABLE runs ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
