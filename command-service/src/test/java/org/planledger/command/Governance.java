package org.planledger.command;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Sets up what a test needs through the API: plans, bodies, held meetings and their decisions. */
@Component
public class Governance {

    private final RestTestClient http;

    public Governance(RestTestClient http) {
        this.http = http;
    }

    /**
     * A plan under a fresh id with version 2023-11 of {@code actions} actions under aim A, owned by {@code ownerBodyId}
     * (or by no body if null); the actions are {@code {plan}/2023-11/1} and on.
     */
    public String plan(String prefix, int actions, String ownerBodyId) {
        String plan = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = ownerBodyId == null ? "" : ", \"ownerBodyId\": \"" + ownerBodyId + "\"";
        post("/api/plans/" + plan + "/versions", """
                {"versionId": "2023-11", "title": "T", "publishedOn": "2023-11-01",
                 "aims": [{"code": "A", "title": "Person Centred Care"}], "actions": [%s]}""".formatted(
                IntStream.rangeClosed(1, actions)
                        .mapToObj(n -> "{\"number\": " + n + ", \"aim\": \"A\", \"title\": \"Action " + n + "\"" + owner + "}")
                        .collect(Collectors.joining(", "))));
        return plan;
    }

    /** A body of a kind, under a fresh id. */
    public String body(String kind) {
        String bodyId = "body-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/bodies", """
                {"bodyId": "%s", "kind": "%s", "name": "Body %s", "establishedOn": "2022-10-01"}""".formatted(bodyId, kind, bodyId));
        return bodyId;
    }

    /** A meeting of the body held on the date, under a fresh id. */
    public String meeting(String bodyId, LocalDate heldOn) {
        String meetingId = "meeting-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/meetings", """
                {"meetingId": "%s", "bodyId": "%s", "heldOn": "%s", "title": "Meeting %s"}""".formatted(meetingId, bodyId, heldOn, meetingId));
        return meetingId;
    }

    /** A decision of the meeting about the given action references, under a fresh id. */
    public String decision(String meetingId, String... actions) {
        String decisionId = "D-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/meetings/" + meetingId + "/decisions", """
                {"decisionId": "%s", "text": "Decided", "actions": [%s]}""".formatted(decisionId,
                List.of(actions).stream().map(action -> "\"" + action + "\"").collect(Collectors.joining(", "))));
        return decisionId;
    }

    private void post(String uri, String body) {
        http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isCreated();
    }
}
