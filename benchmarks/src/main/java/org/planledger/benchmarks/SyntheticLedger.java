package org.planledger.benchmarks;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.planledger.eventstore.EventStoreConfiguration;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.ActionStatusChanged;
import org.planledger.events.Aim;
import org.planledger.events.EventMetadata;
import org.planledger.events.LedgerEvent;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.planledger.events.TimeframeChanged;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A large ledger of many plans, written straight into the event store in the form the command service writes: each
 * plan publishes one version of 18 actions on 2 January 2023, then its actions receive progress (one in seven
 * back-dated by three weeks), reassignments under a decision, status and timeframe changes, recorded day by day
 * until the events run out. Seeded, so two runs write the same ledger.
 */
final class SyntheticLedger {

    static final int ACTIONS = 18;
    static final Instant START = Instant.parse("2023-01-02T09:00:00Z");
    private static final List<Aim> AIMS = List.of(new Aim("A", "Person-centred care", "A"), new Aim("B", "Access to care", "B"),
            new Aim("C", "Safe, effective support", "C"), new Aim("D", "Improving services and care", "D"));
    private static final int BATCH = 1_000;

    private final JdbcEventStorageEngine engine;
    private final SpringTransactionManager transactions;

    SyntheticLedger(DataSource dataSource) {
        EventStoreConfiguration store = new EventStoreConfiguration();
        this.transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        ConnectionProvider connections = store.connectionProvider(dataSource);
        this.engine = JdbcEventStorageEngine.builder()
                .eventSerializer(store.serializer())
                .snapshotSerializer(store.serializer())
                .persistenceExceptionResolver(store.persistenceExceptionResolver())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(store.eventSchema())
                .dataType(byte[].class)
                .build();
    }

    static String planId(int plan) {
        return "bench-%04d".formatted(plan);
    }

    /** Writes {@code events} events over {@code plans} plans; returns how many. */
    long write(int plans, long events) {
        Random random = new Random(42);
        Map<String, Long> sequences = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        Map<String, Timeframe> timeframes = new HashMap<>();
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
        long written = 0;
        for (int p = 0; p < plans && written < events; p++) {
            String plan = planId(p);
            batch.add(message(plan + "/2023-01", "PlanVersion", sequences,
                    new PlanVersionPublished(plan, "2023-01", "Plan " + plan, LocalDate.of(2023, 1, 2), AIMS),
                    START, null, "secretariat", null));
            for (int n = 1; n <= ACTIONS; n++) {
                ActionRef action = new ActionRef(plan, "2023-01", n);
                owners.put(action.toString(), body(n));
                timeframes.put(action.toString(), Timeframe.MEDIUM);
                batch.add(message(action.toString(), "Action", sequences, new ActionPublished(action,
                        AIMS.get(n % 4).code(), "Action " + n, "What action " + n + " does", Timeframe.MEDIUM, body(n),
                        ActionStatus.IN_PROGRESS, List.of()), START, null, "secretariat", null));
            }
            written += ACTIONS + 1;
            flushIfFull(batch);
        }
        int plansWritten = (int) Math.min(plans, events / (ACTIONS + 1));
        long day = 1;
        while (written < events) {
            for (int p = 0; p < plansWritten && written < events; p++, written++) {
                ActionRef action = new ActionRef(planId(p), "2023-01", 1 + random.nextInt(ACTIONS));
                String ref = action.toString();
                Instant recorded = START.plus(day, ChronoUnit.DAYS).plusMillis(p);
                LocalDate effective = null;
                String decision = null;
                LedgerEvent event;
                int kind = random.nextInt(20);
                if (kind < 14) {
                    event = new ProgressRecorded(action, "Progress on " + ref + " as of day " + day, List.of());
                    if (kind == 0) {
                        effective = LocalDate.ofInstant(recorded, EventMetadata.ZONE).minusDays(21);
                    }
                } else if (kind < 16) {
                    String to = body(random.nextInt(12));
                    event = new OwnerReassigned(action, owners.put(ref, to), to);
                    decision = "TF-" + planId(p) + "-" + day;
                } else if (kind < 19) {
                    event = new ActionStatusChanged(action, ActionStatus.IN_PROGRESS, ActionStatus.AT_RISK);
                } else {
                    Timeframe to = Timeframe.values()[random.nextInt(3)];
                    event = new TimeframeChanged(action, timeframes.put(ref, to), to);
                    decision = "TF-" + planId(p) + "-" + day;
                }
                batch.add(message(ref, "Action", sequences, event, recorded, effective,
                        decision == null ? "chair-" + owners.get(ref) : "secretariat", decision));
                flushIfFull(batch);
            }
            day++;
        }
        flush(batch);
        return written;
    }

    private static String body(int n) {
        return "body-" + (n % 12);
    }

    private void flushIfFull(List<DomainEventMessage<?>> batch) {
        if (batch.size() >= BATCH) {
            flush(batch);
        }
    }

    private void flush(List<DomainEventMessage<?>> batch) {
        if (!batch.isEmpty()) {
            transactions.executeInTransaction(() -> engine.appendEvents(batch));
            batch.clear();
        }
    }

    private static DomainEventMessage<?> message(String aggregate, String type, Map<String, Long> sequences,
                                                 LedgerEvent event, Instant recorded, LocalDate effective, String actor,
                                                 String decision) {
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        Map<String, Object> metadata = new HashMap<>();
        String command = UUID.randomUUID().toString();
        metadata.put(EventMetadata.ACTOR, actor);
        metadata.put(EventMetadata.RECORDED_AT, recorded.toString());
        metadata.put(EventMetadata.EFFECTIVE_ON,
                (effective == null ? LocalDate.ofInstant(recorded, EventMetadata.ZONE) : effective).toString());
        metadata.put(EventMetadata.COMMAND_ID, command);
        metadata.put(EventMetadata.CORRELATION_ID, command);
        if (decision != null) {
            metadata.put(EventMetadata.DECISION_ID, decision);
            metadata.put(EventMetadata.REASON, "benchmark");
        }
        return new GenericDomainEventMessage<>(type, aggregate, sequence, event, MetaData.from(metadata));
    }
}
