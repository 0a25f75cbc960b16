package org.planledger.query.report;

import org.junit.jupiter.api.Test;
import org.planledger.events.ActionPublished;
import org.planledger.events.ActionRef;
import org.planledger.events.ActionStatus;
import org.planledger.events.Aim;
import org.planledger.events.BodyEstablished;
import org.planledger.events.BodyKind;
import org.planledger.events.BodyRenamed;
import org.planledger.events.PlanVersionPublished;
import org.planledger.events.ProgressRecorded;
import org.planledger.events.Timeframe;
import org.planledger.query.Ledger;
import org.planledger.query.QueryServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Progress reports through the API: the date they show, the position they name, and the same bytes from it later. */
@QueryServiceTest
class ReportTest {

    @Autowired
    RestTestClient http;
    @Autowired
    Ledger ledger;

    @Test
    void aReportShowsEachActionsLatestProgressByItsDateAndComesOutTheSameFromItsPositionLater() {
        String plan = "report-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "group-" + plan;
        ActionRef one = new ActionRef(plan, "2023-11", 1);
        ActionRef two = new ActionRef(plan, "2023-11", 2);
        ledger.append(new BodyEstablished(body, BodyKind.SHORT_LIFE_WORKING_GROUP, "Working Group One", null, "A",
                LocalDate.of(2022, 10, 1)), "secretariat");
        ledger.append(new PlanVersionPublished(plan, "2023-11", "Update", LocalDate.of(2023, 11, 1),
                List.of(new Aim("A", "Person Centred Care", "We will improve information."))), "secretariat",
                LocalDate.of(2023, 11, 1), Map.of());
        ledger.append(new ActionPublished(one, "A", "Develop information", "what", Timeframe.LONG, body,
                ActionStatus.IN_PROGRESS, List.of()), "secretariat", LocalDate.of(2023, 11, 1), Map.of());
        ledger.append(new ActionPublished(two, "A", "Build a hub", "what", Timeframe.MEDIUM, null,
                ActionStatus.NOT_STARTED, List.of()), "secretariat", LocalDate.of(2023, 11, 1), Map.of());
        ledger.append(new ProgressRecorded(one, "Content published on NHS inform", List.of()), "chair",
                LocalDate.of(2023, 12, 1), Map.of());
        ledger.append(new ProgressRecorded(one, "Translations under way", List.of()), "chair",
                LocalDate.of(2024, 3, 1), Map.of());

        String url = "/api/plans/" + plan + "/report?asOf=2024-01-31&format=";
        // Everything above is in the report's read models once today's view shows the latest progress (until the
        // plan itself is projected, the report is a 404).
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> text(url.replace("2024-01-31", LocalDate.now().toString()) + "md")
                .contains("Translations under way"));
        String md = text(url + "md");
        assertThat(md).contains("## Aim A: Person Centred Care")
                .contains("### Action 1\n\nDevelop information - Content published on NHS inform (1 December 2023)")
                .doesNotContain("Translations under way")
                .contains("### Action 2\n\nBuild a hub - no progress had been recorded by this date.")
                .contains("Owner: Working Group One.");
        long position = position(url + "md");
        assertThat(md).contains("Built from the ledger up to event position " + position + " ");

        byte[] pdf = bytes(url + "pdf&position=" + position);
        ledger.append(new BodyRenamed(body, "Working Group One", "The Renamed Group"), "secretariat");
        ledger.append(new ProgressRecorded(two, "Back-dated: hub designed", List.of()), "chair",
                LocalDate.of(2024, 1, 10), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> text(url + "md").contains("Back-dated: hub designed"));

        assertThat(text(url + "md")).contains("The Renamed Group");
        assertThat(position(url + "md")).isGreaterThanOrEqualTo(position + 2);
        String again = url + "md&position=" + position;
        assertThat(text(again)).isEqualTo(md);
        assertThat(Arrays.equals(bytes(url + "pdf&position=" + position), pdf)).as("the same PDF bytes").isTrue();
    }

    @Test
    void aReportFromAPositionNotYetReachedOrInAnUnknownFormatIsRefusedNamingTheParameter() {
        http.get().uri("/api/plans/chronic-pain/report?format=docx").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
        http.get().uri("/api/plans/chronic-pain/report?position=999999999").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("position");
        http.get().uri("/api/plans/chronic-pain/report?asOf=last-week").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        http.get().uri("/api/plans/no-such-plan/report").exchange()
                .expectStatus().isNotFound();
    }

    private String text(String uri) {
        return new String(bytes(uri), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String uri) {
        return http.get().uri(uri).exchange().expectStatus().isOk().returnResult(byte[].class).getResponseBody();
    }

    private long position(String uri) {
        return Long.parseLong(http.get().uri(uri).exchange().expectStatus().isOk().returnResult(byte[].class)
                .getResponseHeaders().getFirst(ReportController.POSITION));
    }
}
