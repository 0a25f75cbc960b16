package org.planledger.command.seed;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.planledger.command.AlreadyExists;
import org.planledger.command.action.RecordProgress;
import org.planledger.command.body.BodyRequests;
import org.planledger.command.plan.PublishPlanVersion;
import org.planledger.command.plan.PublishPlanVersionRequest;
import org.planledger.events.ActionRef;
import org.planledger.events.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends a seed file's plan through the command side, so that its history is made of real events: the bodies, then
 * each version followed by the progress on its actions. Every entry is sent under a correlation id naming it
 * ({@code seed:…}), and an entry already in the store is left alone, so running the import again adds nothing.
 */
@Component
public class SeedImporter {

    public static final String ACTOR = "system:seed-import";
    private static final Logger log = LoggerFactory.getLogger(SeedImporter.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Validator validator;
    private final YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public SeedImporter(CommandGateway commands, EventStore eventStore, Validator validator) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.validator = validator;
    }

    /** How many entries of each kind one import recorded, and how many were there already. */
    public record Outcome(int bodiesEstablished, int versionsPublished, int progressRecorded, int alreadyPresent) {

        public int recorded() {
            return bodiesEstablished + versionsPublished + progressRecorded;
        }
    }

    public Outcome importFrom(Resource resource) {
        SeedFile seed = read(resource);
        int bodies = 0;
        int versions = 0;
        int progress = 0;
        int present = 0;
        for (BodyRequests.Establish body : seed.bodies()) {
            boolean sent = sendOnce(body.toCommand(), "seed:body:" + body.bodyId());
            bodies += sent ? 1 : 0;
            present += sent ? 0 : 1;
        }
        for (PublishPlanVersionRequest version : seed.versions()) {
            PublishPlanVersion command = version.toCommand(seed.planId());
            boolean sent = sendOnce(command, "seed:version:" + seed.planId() + ":" + version.versionId());
            versions += sent ? 1 : 0;
            present += sent ? 0 : 1;
            Map<ActionRef, Integer> statementsSoFar = new HashMap<>();
            Map<ActionRef, Set<Object>> keysStored = new HashMap<>();
            for (SeedFile.Progress statement : seed.progress()) {
                if (!statement.action().planVersionId().equals(command.planVersionId())) {
                    continue;
                }
                int n = statementsSoFar.merge(statement.action(), 1, Integer::sum);
                String key = "seed:" + statement.action().toString().replace('/', ':') + ":" + n;
                if (keysStored.computeIfAbsent(statement.action(), this::correlationIdsIn).contains(key)) {
                    present++;
                    continue;
                }
                send(new RecordProgress(statement.action(), null, statement.summary(), statement.status(),
                        statement.evidence(), statement.effectiveOn(), null), key);
                progress++;
            }
        }
        Outcome outcome = new Outcome(bodies, versions, progress, present);
        log.info("Seed import from {}: {}", resource.getDescription(), outcome);
        return outcome;
    }

    /** Sends a command that creates something; false if it exists already (from an earlier or concurrent import). */
    private boolean sendOnce(Object command, String key) {
        try {
            send(command, key);
            return true;
        } catch (AlreadyExists | AggregateStreamCreationException e) {
            return false;
        }
    }

    private void send(Object command, String key) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                EventMetadata.ACTOR, ACTOR,
                EventMetadata.CORRELATION_ID, key)));
    }

    /** The correlation ids in an action's stream: the seed entries already recorded on it. Read once per action. */
    private Set<Object> correlationIdsIn(ActionRef action) {
        return eventStore.readEvents(action.toString()).asStream()
                .map(event -> event.getMetaData().get(EventMetadata.CORRELATION_ID))
                .collect(Collectors.toSet());
    }

    private SeedFile read(Resource resource) {
        SeedFile seed;
        try (InputStream in = resource.getInputStream()) {
            seed = yaml.readValue(in, SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + resource.getDescription(), e);
        }
        Set<ConstraintViolation<SeedFile>> violations = validator.validate(seed);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Seed file " + resource.getDescription() + " is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return seed;
    }
}
