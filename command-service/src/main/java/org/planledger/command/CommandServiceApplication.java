package org.planledger.command;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.planledger.eventstore.EventStoreConfiguration;
import org.planledger.web.WebEdge;
import org.planledger.web.WebLimits;
import org.planledger.web.openapi.ApiDescription;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Plan Ledger command service", version = "0.1",
        description = "Records changes to a public implementation plan as immutable events: publishing plan versions, progress, owner changes. Every error is application/problem+json."))
@Import({EventStoreConfiguration.class, WebLimits.class, WebEdge.class, ApiDescription.class})
public class CommandServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
