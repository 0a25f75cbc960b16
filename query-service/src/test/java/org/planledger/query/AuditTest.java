package org.planledger.query;

import org.junit.jupiter.api.Test;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.events.OwnerReassigned;
import org.planledger.events.ProgressRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit log: who changed what, when, why and under which decision, filtered, paged and exported. */
@QueryServiceTest
class AuditTest {

    @Autowired
    RestTestClient http;
    @Autowired
    Ledger ledger;

    @Test
    void filtersByActorTypeActionDecisionBodyAndRecordedTime() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String plan = "audit-" + id;
        String auditor = "chair-" + id;
        ActionRef action = new ActionRef(plan, "2023-11", 1);
        ledger.appendRecordedAt(Instant.parse("2024-01-10T10:00:00Z"), new ActionPublished(action, "A", "Action", null,
                null, "body-a", ActionStatus.NOT_STARTED, List.of()), "secretariat-" + id, null, Map.of());
        ledger.appendRecordedAt(Instant.parse("2024-02-10T10:00:00Z"), new ProgressRecorded(action, "first", List.of()),
                auditor, null, Map.of());
        ledger.appendRecordedAt(Instant.parse("2024-03-10T10:00:00Z"), new OwnerReassigned(action, "body-a", "body-b"),
                "secretariat-" + id, null, Map.of("decisionId", "TF-" + id, "reason", "handover"));
        ledger.append(new BodyEstablished("group-" + id, BodyKind.SHORT_LIFE_WORKING_GROUP, "Group", null, "A",
                LocalDate.of(2024, 1, 1)), "secretariat-" + id);
        awaitEntries("actor=secretariat-" + id, 3);

        page("actor=" + auditor)
                .jsonPath("$.entries[*].type").isEqualTo(List.of("ProgressRecorded"))
                .jsonPath("$.entries[0].after.summary").isEqualTo("first")
                .jsonPath("$.nextCursor").doesNotExist();
        page("action=" + action)
                .jsonPath("$.entries[*].type").isEqualTo(List.of("OwnerReassigned", "ProgressRecorded", "ActionPublished"));
        page("action=" + action + "&type=OwnerReassigned")
                .jsonPath("$.entries[0].before.owner").isEqualTo("body-a")
                .jsonPath("$.entries[0].after.owner").isEqualTo("body-b")
                .jsonPath("$.entries[0].actor").isEqualTo("secretariat-" + id)
                .jsonPath("$.entries[0].reason").isEqualTo("handover")
                .jsonPath("$.entries[0].decisionId").isEqualTo("TF-" + id)
                .jsonPath("$.entries[0].effectiveOn").isEqualTo("2024-03-10")
                .jsonPath("$.entries[0].recordedAt").isEqualTo("2024-03-10T10:00:00Z")
                .jsonPath("$.entries[0].correlationId").isNotEmpty()
                .jsonPath("$.entries[0].subject").isEqualTo(action.toString())
                .jsonPath("$.entries[0].position").isNumber();
        page("decision=TF-" + id).jsonPath("$.entries[*].type").isEqualTo(List.of("OwnerReassigned"));
        page("body=group-" + id).jsonPath("$.entries[*].type").isEqualTo(List.of("BodyEstablished"));
        page("action=" + action + "&from=2024-02-10&to=2024-02-10")
                .jsonPath("$.entries[*].type").isEqualTo(List.of("ProgressRecorded"));
        page("action=" + action + "&from=2024-02-11T00:00:00Z")
                .jsonPath("$.entries[*].type").isEqualTo(List.of("OwnerReassigned"));
    }

    @Test
    void pagesNewestFirstWithACursorThatHoldsWhileEventsAreAppended() {
        String actor = "pager-" + UUID.randomUUID().toString().substring(0, 8);
        ActionRef action = new ActionRef("paging-" + actor, "2023-11", 1);
        ledger.append(new ActionPublished(action, "A", "Action", null, null, null, ActionStatus.NOT_STARTED, List.of()), actor);
        for (int i = 1; i <= 6; i++) {
            ledger.append(new ProgressRecorded(action, "update " + i, List.of()), actor);
        }
        awaitEntries("actor=" + actor, 7);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            String query = "actor=" + actor + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor);
            var page = http.get().uri("/api/audit?" + query).exchange().expectStatus().isOk()
                    .expectBody(Page.class).returnResult().getResponseBody();
            page.entries().forEach(entry -> seen.add(entry.type() + ":" + entry.after().get("summary")));
            cursor = page.nextCursor();
            if (seen.size() == 3) {
                // Appended after the first page was read: it belongs above page one, not in the pages to come.
                ledger.append(new ProgressRecorded(action, "late", List.of()), actor);
            }
        } while (cursor != null);

        assertThat(seen).containsExactly("ProgressRecorded:update 6", "ProgressRecorded:update 5",
                "ProgressRecorded:update 4", "ProgressRecorded:update 3", "ProgressRecorded:update 2",
                "ProgressRecorded:update 1", "ActionPublished:null");
    }

    record Page(List<Entry> entries, String nextCursor) {
    }

    record Entry(long position, String type, Map<String, Object> after) {
    }

    @Test
    void exportsTheWholeFilteredLogAsCsv() {
        String actor = "exporter-" + UUID.randomUUID().toString().substring(0, 8);
        ActionRef action = new ActionRef("csv-" + actor, "2023-11", 1);
        ledger.append(new ActionPublished(action, "A", "Action", null, null, null, ActionStatus.NOT_STARTED, List.of()), actor);
        ledger.append(new ProgressRecorded(action, "=HYPERLINK(\"http://evil\"), with \"quotes\"\nand a new line",
                List.of()), actor);
        awaitEntries("actor=" + actor, 2);

        byte[] csv = http.get().uri("/api/audit?actor=" + actor).accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plan-ledger-audit.csv\"")
                .expectBody().returnResult().getResponseBody();
        String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r\n");

        assertThat(lines[0]).isEqualTo("position,type,subject,sequence,actor,recordedAt,effectiveOn,reason,decisionId,"
                + "correlationId,commandId,before,after");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",ProgressRecorded," + action + ",1," + actor + ",")
                // the summary is a formula to a spreadsheet: disarmed with an apostrophe, quoted, quotes doubled
                .endsWith(",\"{\"\"summary\"\":\"\"=HYPERLINK(\\\"\"http://evil\\\"\"), with \\\"\"quotes\\\"\"\\nand a new line\"\",\"\"evidence\"\":[]}\"");
        assertThat(lines[2]).contains(",ActionPublished," + action + ",0,");
    }

    @Test
    void refusesFiltersItCannotApply() {
        Problems.expect(http, "/api/audit?type=NoSuchEvent", 400, null);
        Problems.expect(http, "/api/audit?action=not-a-ref", 400, "action: must be an action reference such as chronic-pain/2023-11/7");
        Problems.expect(http, "/api/audit?cursor=abc", 400, "cursor: must be the nextCursor of an earlier page");
        Problems.expect(http, "/api/audit?limit=0", 400, null);
        Problems.expect(http, "/api/audit?limit=501", 400, null);
        Problems.expect(http, "/api/audit?from=2024-03-01&to=2024-02-01", 400, "from: must not be after to");
        Problems.expect(http, "/api/audit?from=yesterday", 400, null);
        http.get().uri("/api/audit?from=yesterday").accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isBadRequest();
    }

    private RestTestClient.BodyContentSpec page(String query) {
        return http.get().uri("/api/audit?" + query).exchange().expectStatus().isOk().expectBody();
    }

    private void awaitEntries(String query, int count) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> page(query).jsonPath("$.entries.length()").isEqualTo(count));
    }
}
