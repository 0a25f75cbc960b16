package org.planledger.command.seed;

import org.junit.jupiter.api.Test;
import org.planledger.command.CommandServiceTest;
import org.planledger.command.StoredEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The real plan, imported through the command side, checked against what the two documents say. */
@CommandServiceTest
class SeedImportTest {

    /**
     * The timeframes of the 18 updated actions in the November 2023 Summary Table, in action order
     * (S = Short Term, M = Medium Term, L = Long Term).
     */
    private static final String TIMEFRAMES_2023 = "LMMLM" + "LMSMM" + "MMLS" + "MSSM";
    /** The aims the Summary Table puts the 18 updated actions under. */
    private static final String AIMS_2023 = "AAAAA" + "BBBBB" + "CCCC" + "DDDD";
    /** The initial actions by aim, in the order of "Progress on Actions", with the progress report's NHS inform action second. */
    private static final String AIMS_2022 = "AAAAA" + "BBBBB" + "CCC" + "DDDDD";

    @Autowired
    SeedImporter importer;
    @Autowired
    StoredEvents stored;
    @Value("${plan-ledger.seed.location}")
    Resource seed;

    @Test
    void importsBothVersionsOfThePlanOnceAsRealEvents() {
        SeedImporter.Outcome first = importer.importFrom(seed);
        long afterFirst = stored.count();
        SeedImporter.Outcome second = importer.importFrom(seed);

        assertThat(first.published()).containsExactly("chronic-pain/2022-07", "chronic-pain/2023-11");
        assertThat(second.published()).isEmpty();
        assertThat(second.alreadyPresent()).containsExactly("chronic-pain/2022-07", "chronic-pain/2023-11");
        assertThat(stored.count()).isEqualTo(afterFirst);

        List<StoredEvents.Stored> initial = stored.under("chronic-pain/2022-07");
        List<StoredEvents.Stored> updated = stored.under("chronic-pain/2023-11");

        assertVersion(initial.get(0), "2022-07-01");
        assertThat(actions(initial)).hasSize(18);
        assertThat(numbers(initial)).isEqualTo(oneTo18());
        assertThat(field(initial, "aim")).isEqualTo(AIMS_2022);
        assertThat(actions(initial)).allSatisfy(action -> assertThat(action.payload()).containsEntry("timeframe", null));
        assertThat(title(initial, 2)).isEqualTo("Enhance quality and access to chronic pain information on NHS inform");
        assertThat(title(initial, 14)).isEqualTo("Establish a national Multi-disciplinary Pain Education Group");

        assertVersion(updated.get(0), "2023-11-01");
        assertThat(actions(updated)).hasSize(18);
        assertThat(numbers(updated)).isEqualTo(oneTo18());
        assertThat(field(updated, "aim")).isEqualTo(AIMS_2023);
        assertThat(field(updated, "timeframe")).isEqualTo(TIMEFRAMES_2023);
        assertThat(title(updated, 1)).isEqualTo("We will continue to develop chronic pain information and resources");
        assertThat(title(updated, 9)).contains("Scottish National Residential Pain Management Programme");
        assertThat(actions(updated)).allSatisfy(action -> assertThat((String) action.payload().get("description")).isNotBlank());

        List<StoredEvents.Stored> events = stored.under("chronic-pain");
        Map<Object, Long> correlations = events.stream()
                .collect(Collectors.groupingBy(event -> event.metadata().get("correlationId"), Collectors.counting()));

        assertThat(events).hasSize(2 + 36);
        assertThat(events).allSatisfy(event -> assertThat(event.metadata()).containsEntry("actor", SeedImporter.ACTOR));
        assertThat(correlations).hasSize(1);
    }

    private static void assertVersion(StoredEvents.Stored event, String publishedOn) {
        assertThat(event.type()).isEqualTo("PlanVersionPublished");
        assertThat(event.payload()).containsEntry("publishedOn", publishedOn);
        assertThat((List<?>) event.payload().get("aims")).hasSize(4);
        assertThat(event.metadata()).containsEntry("effectiveOn", publishedOn);
    }

    private static List<StoredEvents.Stored> actions(List<StoredEvents.Stored> events) {
        return events.stream().filter(event -> event.type().equals("ActionPublished")).toList();
    }

    private static List<Integer> numbers(List<StoredEvents.Stored> events) {
        return actions(events).stream()
                .map(event -> Integer.parseInt(event.aggregate().substring(event.aggregate().lastIndexOf('/') + 1)))
                .toList();
    }

    private static List<Integer> oneTo18() {
        return java.util.stream.IntStream.rangeClosed(1, 18).boxed().toList();
    }

    /** One letter per action: the aim code, or the timeframe's initial. */
    private static String field(List<StoredEvents.Stored> events, String name) {
        return actions(events).stream().map(event -> ((String) event.payload().get(name)).substring(0, 1))
                .collect(Collectors.joining());
    }

    private static String title(List<StoredEvents.Stored> events, int number) {
        return (String) actions(events).get(number - 1).payload().get("title");
    }
}
