package org.planledger.query;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.planledger.eventstore.EventStoreConfiguration;
import org.planledger.web.WebEdge;
import org.planledger.web.WebLimits;
import org.planledger.web.openapi.ApiDescription;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Plan Ledger query service", version = "0.1",
        description = "Answers questions about a public implementation plan from read models built from its events: where each action stands, and every change to it."))
@Import({EventStoreConfiguration.class, WebLimits.class, WebEdge.class, ApiDescription.class})
@EnableScheduling
public class QueryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
