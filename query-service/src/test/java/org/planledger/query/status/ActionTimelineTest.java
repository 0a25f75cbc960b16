package org.planledger.query.status;

import org.junit.jupiter.api.Test;
import org.planledger.query.status.ActionTimeline.Fact;
import org.planledger.query.status.ActionTimeline.Kind;
import org.planledger.query.status.ActionTimeline.Segment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionTimelineTest {

    private static final Instant PUBLISHED = Instant.parse("2023-11-01T00:00:00Z");
    private static final Instant MARCH = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant JANUARY = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void foldsChangesInEffectiveOrderNotTheOrderTheyWereRecorded() {
        List<Segment> segments = ActionTimeline.fold(List.of(
                published(),
                progress(11, 1, MARCH, "March"),
                progress(12, 2, JANUARY, "January, reported late")));

        assertThat(segments).extracting(Segment::validFrom).containsExactly(PUBLISHED, JANUARY, MARCH);
        assertThat(segments).extracting(Segment::validTo).containsExactly(JANUARY, MARCH, null);
        assertThat(segments).extracting(s -> s.state().progressSummary())
                .containsExactly(null, "January, reported late", "March");
        // The version at an instant counts only the changes in force then.
        assertThat(segments).extracting(s -> s.state().version()).containsExactly(0L, 2L, 2L);
    }

    @Test
    void changesAtTheSameInstantMakeOneSegmentInTheOrderRecorded() {
        List<Segment> segments = ActionTimeline.fold(List.of(
                published(),
                new Fact(11, 1, Kind.STATUS, MARCH, MARCH, null, null, "AT_RISK", null, null, null),
                new Fact(12, 2, Kind.STATUS, MARCH, MARCH, null, null, "IN_PROGRESS", null, null, null),
                new Fact(13, 3, Kind.OWNER, MARCH, MARCH, "slwg-b", null, null, null, null, null)));

        assertThat(segments).hasSize(2);
        assertThat(segments.get(1).state().status()).isEqualTo("IN_PROGRESS");
        assertThat(segments.get(1).state().owner()).isEqualTo("slwg-b");
        assertThat(segments.get(1).state().timeframe()).isEqualTo("SHORT");
    }

    @Test
    void aChangeDatedBeforePublicationCountsFromPublication() {
        List<Segment> segments = ActionTimeline.fold(List.of(
                published(),
                progress(11, 1, Instant.parse("2023-10-01T00:00:00Z"), "reported as of October")));

        assertThat(segments).hasSize(1);
        assertThat(segments.get(0).validFrom()).isEqualTo(PUBLISHED);
        assertThat(segments.get(0).state().progressSummary()).isEqualTo("reported as of October");
    }

    @Test
    void anActionNotYetPublishedHasNoTimeline() {
        assertThat(ActionTimeline.fold(List.of(progress(11, 1, MARCH, "orphan")))).isEmpty();
    }

    @Test
    void extendingTheLastSegmentEqualsRefoldingEveryFactForChangesThatSortLast() {
        Random random = new Random(11);
        for (int run = 0; run < 200; run++) {
            List<Fact> facts = new ArrayList<>(List.of(published()));
            Instant at = PUBLISHED;
            for (int n = 1; n <= 30; n++) {
                at = random.nextInt(3) == 0 ? at : at.plusSeconds(random.nextInt(86_400 * 30)); // ties too
                Fact fact = switch (random.nextInt(5)) {
                    case 0 -> progress(10 + n, n, at, "step " + n);
                    case 1 -> new Fact(10 + n, n, Kind.STATUS, at, at, null, null, "AT_RISK", null, null, null);
                    case 2 -> new Fact(10 + n, n, Kind.OWNER, at, at, "body-" + n, null, null, null, null, null);
                    case 3 -> new Fact(10 + n, n, Kind.TIMEFRAME, at, at, null, "LONG", null, null, null, null);
                    default -> new Fact(10 + n, n, Kind.CARRIED_FORWARD, at, at, null, null, null, null, null, null);
                };
                List<Segment> before = ActionTimeline.fold(facts);
                facts.add(fact);
                List<Segment> extended = new ArrayList<>(before.subList(0, before.size() - 1));
                extended.addAll(ActionTimeline.extend(before.get(before.size() - 1), fact));

                assertThat(extended).as("run %d, fact %d", run, n).isEqualTo(ActionTimeline.fold(facts));
            }
        }
    }

    @Test
    void refusesToExtendWithAChangeThatTakesEffectBeforeTheLastSegment() {
        Segment last = ActionTimeline.fold(List.of(published(), progress(11, 1, MARCH, "March"))).get(1);

        assertThatThrownBy(() -> ActionTimeline.extend(last, progress(12, 2, JANUARY, "late")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Fact published() {
        return new Fact(10, 0, Kind.PUBLISHED, PUBLISHED, PUBLISHED, "slwg-a", "SHORT", "NOT_STARTED", null, null, null);
    }

    private static Fact progress(long position, long sequence, Instant effective, String summary) {
        return new Fact(position, sequence, Kind.PROGRESS, effective, MARCH.plusSeconds(position), null, null, null,
                summary, List.of(), LocalDate.ofInstant(effective, java.time.ZoneOffset.UTC));
    }
}
