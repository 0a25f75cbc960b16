-- The query-service instances running now, each seen every few seconds, so that they can share the projections'
-- segments fairly (see SegmentSharing). Not a read model: replays leave it alone.
CREATE TABLE query_instance (
    instance_id TEXT        PRIMARY KEY,
    seen_at     TIMESTAMPTZ NOT NULL
);
