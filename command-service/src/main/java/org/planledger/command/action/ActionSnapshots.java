package org.planledger.command.action;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loading an action replays its events; an action with years of progress updates would make every command on it
 * slower. A snapshot of its state is taken every {@code plan-ledger.commands.action-snapshot-every} events
 * (snapshot_event_entry), and loading starts from the newest one. Events stay the record; snapshots can be deleted
 * at any time and are rebuilt from them. A snapshot of an older shape of the class is ignored, so the action is
 * loaded from its events instead.
 */
@Configuration(proxyBeanMethods = false)
public class ActionSnapshots {

    @Bean
    public SnapshotTriggerDefinition actionSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${plan-ledger.commands.action-snapshot-every}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public SnapshotFilter actionSnapshotFilter() {
        return snapshot -> Action.SNAPSHOT_REVISION.equals(snapshot.getPayload().getType().getRevision());
    }

    /**
     * Actions recently loaded are kept in memory (weakly: a garbage collection may drop them, and then the next
     * command loads the action from the store), so that a command on one does not read its snapshot and events again:
     * two of the four statements a command made. A cached action
     * may be stale if another command service appended to it meanwhile; its event then takes a sequence number
     * already stored, the append is refused, Axon drops the cached action on the rollback, and the command is sent
     * again (ConcurrentWriteRetries) against the action loaded afresh.
     */
    @Bean
    public Cache actionCache() {
        return new WeakReferenceCache();
    }
}
