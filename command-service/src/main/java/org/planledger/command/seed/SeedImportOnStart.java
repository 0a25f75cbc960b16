package org.planledger.command.seed;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Imports the seed file when the service starts, if {@code plan-ledger.seed.import-on-start} is true. */
@Component
@ConditionalOnBooleanProperty("plan-ledger.seed.import-on-start")
class SeedImportOnStart implements ApplicationRunner {

    private final SeedImporter importer;
    private final Resource seed;

    SeedImportOnStart(SeedImporter importer, @Value("${plan-ledger.seed.location}") Resource seed) {
        this.importer = importer;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        importer.importFrom(seed);
    }
}
