package org.planledger.command;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Sets up the governance a test needs through the API: bodies, held meetings and their decisions. */
@Component
public class Governance {

    private final RestTestClient http;

    public Governance(RestTestClient http) {
        this.http = http;
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
