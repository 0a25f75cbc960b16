package org.planledger.command.seed;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.planledger.command.AlreadyExists;
import org.planledger.command.plan.PublishPlanVersion;
import org.planledger.command.plan.PublishPlanVersionRequest;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends a seed file's plan through the command side, so that its history is made of real events. A version
 * already in the event store is left alone, so running the import again adds nothing.
 */
@Component
public class SeedImporter {

    public static final String ACTOR = "system:seed-import";
    private static final Logger log = LoggerFactory.getLogger(SeedImporter.class);

    private final CommandGateway commands;
    private final Validator validator;
    private final YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public SeedImporter(CommandGateway commands, Validator validator) {
        this.commands = commands;
        this.validator = validator;
    }

    /** What one import did: the plan versions it published and those already there. */
    public record Outcome(List<String> published, List<String> alreadyPresent) {
    }

    public Outcome importFrom(Resource resource) {
        SeedFile seed = read(resource);
        String correlationId = "seed-import-" + UUID.randomUUID();
        List<String> published = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (PublishPlanVersionRequest version : seed.versions()) {
            PublishPlanVersion command = version.toCommand(seed.planId());
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                        EventMetadata.ACTOR, ACTOR,
                        EventMetadata.CORRELATION_ID, correlationId)));
                published.add(command.planVersionId());
            } catch (AlreadyExists | AggregateStreamCreationException e) {
                // published by an earlier import, or by another instance importing at the same moment
                present.add(command.planVersionId());
            }
        }
        log.info("Seed import from {}: published {}, already present {}", resource.getDescription(), published, present);
        return new Outcome(published, present);
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
