package org.planledger.query.accountability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.Identifiers;
import org.planledger.web.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accountability")
public class AccountabilityController {

    private final AccountabilityQueries queries;
    private final int overdueAfterDays;

    public AccountabilityController(AccountabilityQueries queries,
                                    @Value("${plan-ledger.accountability.overdue-after-days}") int overdueAfterDays) {
        this.queries = queries;
        this.overdueAfterDays = overdueAfterDays;
    }

    @GetMapping("/api/bodies/{bodyId}/accountability")
    @Operation(operationId = "getBodyAccountability",
            summary = "What a body answers for: the actions it owns now, every interval in which it owned one, "
            + "open actions overdue a progress update, and decisions naming its actions not yet acted on",
            description = "overdueAfterDays defaults to plan-ledger.accountability.overdue-after-days (90).")
    public Accountability.OfBody body(@PathVariable @Pattern(regexp = Identifiers.SLUG) String bodyId,
                                      @RequestParam(required = false) @Min(1) @Max(3650) Integer overdueAfterDays) {
        int days = overdueAfterDays == null ? this.overdueAfterDays : overdueAfterDays;
        return queries.ofBody(bodyId, days).orElseThrow(() -> new NotFound("there is no body " + bodyId));
    }

    @GetMapping("/api/people/{personId}")
    @Operation(operationId = "getPerson",
            summary = "What a person did and held: the roles they held in which bodies and when, and the changes "
            + "they made (the latest 50; the audit log filtered by actor has them all)")
    public Accountability.OfPerson person(@PathVariable @Pattern(regexp = Identifiers.PERSON) String personId) {
        Accountability.OfPerson person = queries.ofPerson(personId);
        if (person.roles().isEmpty() && person.changeCount() == 0) {
            throw new NotFound("nobody known as " + personId + " has held a role or made a change");
        }
        return person;
    }
}
