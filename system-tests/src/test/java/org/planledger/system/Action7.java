package org.planledger.system;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Action 2023-11/7 of the imported plan, which the load and fault tests send their progress updates to. */
final class Action7 {

    static final String PATH = "/api/plans/chronic-pain/versions/2023-11/actions/7";

    private Action7() {
    }

    /** A progress update with its summary as text and, derived from it, its Idempotency-Key. */
    static Http.Response recordProgress(PlanLedgerProcess ledger, String summary) {
        return Http.post(ledger.commandUrl(PATH + "/progress"), "{\"summary\": \"" + summary + "\"}",
                Map.of("Idempotency-Key", key(summary)));
    }

    private static String key(String summary) {
        return UUID.nameUUIDFromBytes(summary.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** How many updates whose summary starts with {@code prefix} the action's history shows; -1 if it answers none. */
    static int updatesInHistory(PlanLedgerProcess ledger, String prefix) {
        Http.Response history = Http.get(ledger.queryUrl(PATH + "/history"));
        if (history.status() != 200) {
            return -1;
        }
        int count = 0;
        for (JsonNode change : history.body().get("changes")) {
            if (change.at("/after/summary").asString("").startsWith(prefix)) {
                count++;
            }
        }
        return count;
    }
}
