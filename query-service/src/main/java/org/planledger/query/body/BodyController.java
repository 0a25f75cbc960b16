package org.planledger.query.body;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.Identifiers;
import org.planledger.web.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Governance bodies")
public class BodyController {

    private final BodyQueries queries;

    public BodyController(BodyQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/bodies")
    @Operation(operationId = "listBodies", summary = "Every governance body, with its chair")
    public List<BodyView.Summary> bodies() {
        return queries.all();
    }

    @GetMapping("/api/bodies/{bodyId}")
    @Operation(operationId = "getBody",
            summary = "One body: its remit, chair and members now, every role held in it, and the actions it owns")
    public BodyView.Detail body(@PathVariable @Pattern(regexp = Identifiers.SLUG) String bodyId) {
        return queries.one(bodyId).orElseThrow(() -> new NotFound("there is no body " + bodyId));
    }
}
