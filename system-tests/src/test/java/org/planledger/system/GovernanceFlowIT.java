package org.planledger.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The governance record end to end, through ./run.sh: the imported plan's lineage, mandates enforced on the
 * command side and visible on the query side, and minutes from draft to amendment.
 */
class GovernanceFlowIT {

    private static final String PLAN = "/api/plans/chronic-pain";

    @TempDir
    static Path data;
    private static PlanLedgerProcess ledger;

    @BeforeAll
    static void start() throws Exception {
        ledger = new PlanLedgerProcess(data).start();
    }

    @AfterAll
    static void stop() throws Exception {
        ledger.stop();
        ledger.close();
    }

    @Test
    void showsTheLineageOfEveryUpdatedActionBothWays() {
        JsonNode status = awaitJson(ledger.queryUrl(PLAN + "/status"), body -> actions(body).size() == 18);

        Map<Integer, List<String>> continues = new TreeMap<>();
        actions(status).forEach(action -> continues.put(action.get("number").asInt(), strings(action.get("continues"))));
        assertThat(continues).containsEntry(1, List.of("chronic-pain/2022-07/1")).containsEntry(2, List.of("chronic-pain/2022-07/3"))
                .containsEntry(7, List.of("chronic-pain/2022-07/9")).containsEntry(8, List.of("chronic-pain/2022-07/10"))
                .containsEntry(5, List.of()).containsEntry(9, List.of()).containsEntry(10, List.of()).containsEntry(14, List.of());
        assertThat(continues.values().stream().filter(list -> !list.isEmpty())).hasSize(14);

        JsonNode initial9 = Http.get(ledger.queryUrl(PLAN + "/versions/2022-07/actions/9")).body();
        assertThat(initial9.get("status").asString()).isEqualTo("CARRIED_FORWARD");
        assertThat(strings(initial9.get("continuedBy"))).containsExactly("chronic-pain/2023-11/7");
        JsonNode initial8 = Http.get(ledger.queryUrl(PLAN + "/versions/2022-07/actions/8")).body();
        assertThat(initial8.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(initial8.at("/latestProgress/summary").asString()).isEqualTo("This action was completed through work carried out by NSD.");
        JsonNode history = Http.get(ledger.queryUrl(PLAN + "/versions/2022-07/actions/9/history")).body();
        assertThat(types(history)).containsSubsequence("ActionPublished", "ProgressRecorded", "ActionCarriedForward", "ActionStatusChanged");
    }

    @Test
    void rebuildsTheImportedPlanAsItStoodOnPastDatesAndDiffsItsVersions() {
        awaitJson(ledger.queryUrl(PLAN + "/status"), body -> actions(body).size() == 18);

        JsonNode in2023 = Http.get(ledger.queryUrl(PLAN + "/status?asOf=2023-01-01")).body();
        assertThat(in2023.at("/version/versionId").asString()).isEqualTo("2022-07");
        assertThat(actions(in2023)).hasSize(18).allSatisfy(action ->
                assertThat(action.get("ref").asString()).startsWith("chronic-pain/2022-07/"));
        JsonNode in2024 = Http.get(ledger.queryUrl(PLAN + "/status?asOf=2024-01-01")).body();
        assertThat(in2024.at("/version/versionId").asString()).isEqualTo("2023-11");
        assertThat(actions(in2024)).hasSize(18);

        for (String range : List.of("from=2023-01-01&to=2024-01-01", "fromVersion=2022-07&toVersion=2023-11")) {
            JsonNode diff = Http.get(ledger.queryUrl(PLAN + "/diff?" + range)).body();
            assertThat(refs(diff.get("added"), "ref")).containsExactly("chronic-pain/2023-11/5", "chronic-pain/2023-11/9",
                    "chronic-pain/2023-11/10", "chronic-pain/2023-11/14");
            assertThat(diff.get("continuing")).hasSize(14);
            List<String> into = new ArrayList<>();
            diff.get("carriedForward").forEach(carried -> into.addAll(strings(carried.get("into"))));
            assertThat(into).containsExactlyInAnyOrderElementsOf(refs(diff.get("continuing"), "ref"));
            assertThat(refs(diff.get("carriedForward"), "action")).allMatch(ref -> ref.startsWith("chronic-pain/2022-07/"));
        }
    }

    @Test
    void auditsWhatTheImportRecordedAndExportsItAsCsv() {
        awaitJson(ledger.queryUrl(PLAN + "/status"), body -> actions(body).size() == 18);
        String actor = "/api/audit?actor=system:seed-import&type=PlanVersionPublished";
        JsonNode page = Http.getAs("auditor", ledger.queryUrl(actor)).body();
        assertThat(Http.get(ledger.queryUrl(actor)).status()).as("the audit log without signing in").isEqualTo(401);
        assertThat(refs(page.get("entries"), "subject")).containsExactly("chronic-pain/2023-11", "chronic-pain/2022-07");

        Http.TextResponse csv = Http.getText("auditor", ledger.queryUrl("/api/audit?actor=system:seed-import"), "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("position,type,subject,sequence,actor,recordedAt,effectiveOn");
        // the whole import: 18 bodies, 2 versions, 36 actions and their lineage, completions and progress
        assertThat(lines).hasSize(1 + 123);
    }

    @Test
    void acceptsAReassignmentOnlyUnderADecisionThatNamesTheActionAndListsItUnderThatDecision() {
        String meeting = "tf-" + shortId();
        String decision = "TF-" + shortId();
        post(ledger.commandUrl("/api/meetings"), """
                {"meetingId": "%s", "bodyId": "task-force", "heldOn": "2024-01-15", "title": "Task Force, January 2024"}""".formatted(meeting), 201);
        post(ledger.commandUrl("/api/meetings/" + meeting + "/decisions"), """
                {"decisionId": "%s", "text": "SLWG A takes over Action 7", "actions": ["chronic-pain/2023-11/7"]}""".formatted(decision), 201);

        Http.Response withoutDecision = post(ledger.commandUrl(PLAN + "/versions/2023-11/actions/7/ownership"),
                "{\"ownerBodyId\": \"slwg-a\", \"reason\": \"Aim B pathway work moves to SLWG A\"}", 422);
        assertThat(withoutDecision.body().get("detail").asString()).contains("needs a mandate");
        Http.Response otherAction = post(ledger.commandUrl(PLAN + "/versions/2023-11/actions/8/ownership"),
                "{\"ownerBodyId\": \"slwg-a\", \"reason\": \"r\", \"decisionId\": \"%s\"}".formatted(decision), 422);
        assertThat(otherAction.body().get("detail").asString()).contains("does not concern chronic-pain/2023-11/8");
        post(ledger.commandUrl(PLAN + "/versions/2023-11/actions/7/ownership"),
                "{\"ownerBodyId\": \"slwg-a\", \"reason\": \"Aim B pathway work moves to SLWG A\", \"decisionId\": \"%s\"}"
                        .formatted(decision), 201);

        JsonNode view = awaitJson("secretariat", ledger.queryUrl("/api/decisions/" + decision),
                body -> body.get("changes").size() == 1);
        assertThat(view.at("/meeting/meetingId").asString()).isEqualTo(meeting);
        assertThat(view.at("/changes/0/type").asString()).isEqualTo("OwnerReassigned");
        assertThat(view.at("/changes/0/subject").asString()).isEqualTo("chronic-pain/2023-11/7");
        assertThat(view.at("/changes/0/after/owner").asString()).isEqualTo("slwg-a");
        assertThat(view.at("/changes/0/reason").asString()).isEqualTo("Aim B pathway work moves to SLWG A");
        JsonNode action = awaitJson(ledger.queryUrl(PLAN + "/versions/2023-11/actions/7"), body -> "slwg-a".equals(body.get("owner").asString(null)));
        assertThat(action.get("owner").asString()).isEqualTo("slwg-a");
    }

    @Test
    void takesMinutesFromDraftToApprovedToPublishedAndKeepsTheOriginalThroughAnAmendment() {
        String january = "tf-" + shortId();
        String february = "tf-" + shortId();
        post(ledger.commandUrl("/api/meetings"), """
                {"meetingId": "%s", "bodyId": "task-force", "heldOn": "2024-01-15", "title": "January"}""".formatted(january), 201);
        post(ledger.commandUrl("/api/meetings"), """
                {"meetingId": "%s", "bodyId": "task-force", "heldOn": "2024-02-12", "title": "February"}""".formatted(february), 201);
        String minutes = "{\"items\": [{\"number\": 1, \"heading\": \"Aim B\", \"text\": \"SLWG A to take Action 7\"}]}";
        post(ledger.commandUrl("/api/meetings/" + january + "/minutes"), minutes, 201);
        // Publishing takes no body (it would be ignored): none is sent.
        post(ledger.commandUrl("/api/meetings/" + january + "/minutes/publication"), "", 422);
        post(ledger.commandUrl("/api/meetings/" + january + "/minutes/approval"), "{\"approvedAt\": \"" + february + "\"}", 201);
        post(ledger.commandUrl("/api/meetings/" + january + "/minutes"), minutes, 422);
        post(ledger.commandUrl("/api/meetings/" + january + "/minutes/publication"), "", 201);
        post(ledger.commandUrl("/api/meetings/" + january + "/minutes/amendments"), """
                {"items": [{"number": 1, "heading": "Aim B", "text": "SLWG A to take Actions 7 and 8"}],
                 "reason": "Action 8 was agreed too and left out"}""", 201);

        JsonNode meeting = awaitJson("secretariat", ledger.queryUrl("/api/meetings/" + january),
                body -> body.at("/minutes/revisions").size() == 2 && "PUBLISHED".equals(body.at("/minutes/state").asString()));
        assertThat(meeting.at("/minutes/approvedAt").asString()).isEqualTo(february);
        assertThat(meeting.at("/minutes/items/0/text").asString()).isEqualTo("SLWG A to take Actions 7 and 8");
        assertThat(meeting.at("/minutes/revisions/0/kind").asString()).isEqualTo("DRAFT");
        assertThat(meeting.at("/minutes/revisions/0/items/0/text").asString()).isEqualTo("SLWG A to take Action 7");
        assertThat(meeting.at("/minutes/revisions/1/kind").asString()).isEqualTo("AMENDMENT");
        assertThat(meeting.at("/minutes/revisions/1/reason").asString()).isEqualTo("Action 8 was agreed too and left out");
    }

    private static Http.Response post(String url, String json, int expectedStatus) {
        Http.Response response = Http.post(url, json);
        assertThat(response.status()).as(url + " " + (response.body() == null ? "" : response.body().toString()))
                .isEqualTo(expectedStatus);
        return response;
    }

    private static JsonNode awaitJson(String url, java.util.function.Predicate<JsonNode> ready) {
        return awaitJson(null, url, ready);
    }

    /** Waits until a GET (signed in as {@code user}, or not if null) answers 200 with what {@code ready} wants. */
    private static JsonNode awaitJson(String user, String url, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Http.Response response = user == null ? Http.get(url) : Http.getAs(user, url);
            last[0] = response.body();
            return response.status() == 200 && ready.test(response.body());
        });
        return last[0];
    }

    private static List<JsonNode> actions(JsonNode status) {
        List<JsonNode> actions = new ArrayList<>();
        status.get("aims").forEach(aim -> aim.get("actions").forEach(actions::add));
        return actions;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }

    private static List<String> refs(JsonNode array, String field) {
        List<String> refs = new ArrayList<>();
        array.forEach(item -> refs.add(item.get(field).asString()));
        return refs;
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.get("changes").forEach(change -> types.add(change.get("type").asString()));
        return types;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
