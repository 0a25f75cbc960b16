package org.planledger.query.health;

import org.planledger.query.replay.Replays;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Whether the read models can be queried: OUT_OF_SERVICE while they are being rebuilt, when the query API answers
 * 503. Part of readiness, so a load balancer (and run.sh) waits for the rebuild to finish.
 */
@Component("readModels")
public class ReadModelsHealthIndicator extends AbstractHealthIndicator {

    private final Replays replays;

    public ReadModelsHealthIndicator(Replays replays) {
        super("Whether the read models are being rebuilt cannot be told");
        this.replays = replays;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (replays.inProgress()) {
            builder.outOfService().withDetail("rebuilding", replays.unfinished());
        } else {
            builder.up();
        }
    }
}
