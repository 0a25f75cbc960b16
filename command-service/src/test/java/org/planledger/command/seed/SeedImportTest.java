package org.planledger.command.seed;

import org.junit.jupiter.api.Test;
import org.planledger.command.CommandServiceTest;
import org.planledger.command.StoredEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real plan, imported through the command side, checked against what the two documents say. */
@CommandServiceTest
class SeedImportTest {

    /** The Summary Table's timeframes for the 18 updated actions, in order (S, M, L = Short, Medium, Long Term). */
    private static final String TIMEFRAMES_2023 = "LMMLM" + "LMSMM" + "MMLS" + "MSSM";
    /** The aims the Summary Table puts the 18 updated actions under. */
    private static final String AIMS_2023 = "AAAAA" + "BBBBB" + "CCCC" + "DDDD";
    /** The initial actions by aim, in the order of "Progress on Actions", with the progress report's Action 2 second. */
    private static final String AIMS_2022 = "AAAAA" + "BBBBB" + "CCC" + "DDDDD";
    /**
     * "Work will continue in Action N" for each initial action that says so: updated action → the initial action it
     * continues. Updated actions 5, 9, 10 and 14 are new.
     */
    private static final Map<Integer, Integer> CONTINUES = Map.ofEntries(Map.entry(1, 1), Map.entry(2, 3), Map.entry(3, 4),
            Map.entry(4, 5), Map.entry(6, 7), Map.entry(7, 9), Map.entry(8, 10), Map.entry(11, 11), Map.entry(12, 12),
            Map.entry(13, 13), Map.entry(15, 15), Map.entry(16, 16), Map.entry(17, 17), Map.entry(18, 18));

    @Autowired
    SeedImporter importer;
    @Autowired
    StoredEvents stored;
    @Value("${plan-ledger.seed.location}")
    Resource seed;

    @Test
    void importsTheRealPlanOnceAsRealEvents() {
        SeedImporter.Outcome first = importer.importFrom(seed);
        long afterFirst = stored.count();
        SeedImporter.Outcome second = importer.importFrom(seed);

        // Other tests in this class may have imported first; either way every entry is in the store exactly once.
        assertThat(first.recorded() + first.alreadyPresent()).isEqualTo(18 + 2 + 22);
        assertThat(second).isEqualTo(new SeedImporter.Outcome(0, 0, 0, 18 + 2 + 22));
        assertThat(stored.count()).isEqualTo(afterFirst);
        assertThat(stored.under("body")).filteredOn(event -> event.type().equals("BodyEstablished")
                && ((String) event.metadata().get("correlationId")).startsWith("seed:body:")).hasSize(18);
        assertThat(stored.under("chronic-pain/2022-07")).filteredOn(event -> event.type().equals("ProgressRecorded")).hasSize(22);

        List<StoredEvents.Stored> initial = stored.under("chronic-pain/2022-07");
        List<StoredEvents.Stored> updated = stored.under("chronic-pain/2023-11");

        assertVersion(initial.get(0), "2022-07-01");
        assertThat(published(initial)).hasSize(18);
        assertThat(numbers(published(initial))).isEqualTo(oneTo18());
        assertThat(letters(published(initial), "aim")).isEqualTo(AIMS_2022);
        assertThat(published(initial)).allSatisfy(action -> assertThat(action.payload())
                .containsEntry("timeframe", null).containsEntry("ownerBodyId", null).containsEntry("description", null));
        assertThat(title(initial, 2)).isEqualTo("Enhance quality and access to chronic pain information on NHS inform");
        assertThat(title(initial, 14)).isEqualTo("Establish a national Multi-disciplinary Pain Education Group");

        assertVersion(updated.get(0), "2023-11-01");
        assertThat(published(updated)).hasSize(18);
        assertThat(numbers(published(updated))).isEqualTo(oneTo18());
        assertThat(letters(published(updated), "aim")).isEqualTo(AIMS_2023);
        assertThat(letters(published(updated), "timeframe")).isEqualTo(TIMEFRAMES_2023);
        assertThat(title(updated, 1)).isEqualTo("We will continue to develop chronic pain information and resources");
        assertThat(title(updated, 9)).contains("Scottish National Residential Pain Management Programme");
        assertThat(published(updated)).allSatisfy(action -> assertThat((String) action.payload().get("description")).isNotBlank());
        assertThat(ownerOf(updated, 2)).isEqualTo("national-pain-education-group");
        assertThat(ownerOf(updated, 6)).isEqualTo("service-managers-network");
        assertThat(ownerOf(updated, 5)).isNull();
    }

    @Test
    void recordsTheLineageOfEveryUpdatedActionAndHowEachInitialActionEnded() {
        importer.importFrom(seed);
        List<StoredEvents.Stored> initial = stored.under("chronic-pain/2022-07");
        List<StoredEvents.Stored> updated = stored.under("chronic-pain/2023-11");

        Map<Integer, List<String>> continues = new TreeMap<>();
        published(updated).forEach(action -> continues.put(number(action), strings(action.payload().get("continues"))));
        Map<Integer, List<String>> expected = new TreeMap<>();
        IntStream.rangeClosed(1, 18).forEach(n -> expected.put(n, CONTINUES.containsKey(n)
                ? List.of("chronic-pain/2022-07/" + CONTINUES.get(n)) : List.of()));
        assertThat(continues).isEqualTo(expected);
        assertThat(published(updated)).allSatisfy(action -> assertThat(action.payload().get("status"))
                .isEqualTo(CONTINUES.containsKey(number(action)) ? "IN_PROGRESS" : "NOT_STARTED"));

        Map<Integer, Object> ended = new TreeMap<>();
        initial.stream().filter(event -> event.type().equals("ActionStatusChanged"))
                .forEach(event -> ended.put(number(event), event.payload().get("to")));
        Map<Integer, Object> expectedEnds = new TreeMap<>();
        CONTINUES.values().forEach(n -> expectedEnds.put(n, "CARRIED_FORWARD"));
        List.of(2, 6, 8, 14).forEach(n -> expectedEnds.put(n, "COMPLETED"));
        assertThat(ended).isEqualTo(expectedEnds);

        List<StoredEvents.Stored> carried = initial.stream().filter(event -> event.type().equals("ActionCarriedForward")).toList();
        assertThat(carried).hasSize(14).allSatisfy(event -> assertThat(event.metadata()).containsEntry("effectiveOn", "2023-11-01"));
        assertThat(carried).allSatisfy(event -> assertThat(strings(event.payload().get("into")))
                .containsExactly("chronic-pain/2023-11/" + CONTINUES.entrySet().stream()
                        .filter(entry -> entry.getValue() == number(event)).findFirst().orElseThrow().getKey()));
    }

    @Test
    void recordsTheDocumentsProgressStatementsWithTheirDatesAndBodiesTheyName() {
        importer.importFrom(seed);
        List<StoredEvents.Stored> progress = stored.under("chronic-pain/2022-07").stream()
                .filter(event -> event.type().equals("ProgressRecorded")).toList();

        assertThat(progress).hasSize(22);
        assertThat(progress).allSatisfy(event -> assertThat(event.metadata())
                .containsEntry("actor", SeedImporter.ACTOR)
                .hasEntrySatisfying("correlationId", id -> assertThat((String) id).startsWith("seed:chronic-pain:2022-07:")));
        Map<String, Long> byDate = progress.stream()
                .collect(Collectors.groupingBy(event -> (String) event.metadata().get("effectiveOn"), TreeMap::new, Collectors.counting()));
        assertThat(byDate).containsExactly(Map.entry("2022-10-01", 2L), Map.entry("2022-11-01", 1L),
                Map.entry("2023-10-18", 1L), Map.entry("2023-11-01", 18L));
        assertThat(progress).anySatisfy(event -> assertThat(event.payload())
                .containsEntry("summary", "This action was completed through work carried out by NSD."));

        List<StoredEvents.Stored> bodies = stored.under("body").stream().filter(event -> event.type().equals("BodyEstablished")).toList();
        assertThat(bodies.stream().map(event -> (String) event.payload().get("bodyId")))
                .contains("task-force", "slwg-a", "service-managers-network", "third-sector-network", "pain-medic-network",
                        "national-pain-education-group", "public-health-scotland", "nhs-education-for-scotland", "his",
                        "national-services-division", "sign");
        assertThat(bodies).filteredOn(event -> event.payload().get("bodyId").equals("slwg-a"))
                .singleElement().satisfies(event -> assertThat(event.payload()).containsEntry("establishedOn", "2022-10-01"));
    }

    private static void assertVersion(StoredEvents.Stored event, String publishedOn) {
        assertThat(event.type()).isEqualTo("PlanVersionPublished");
        assertThat(event.payload()).containsEntry("publishedOn", publishedOn);
        assertThat((List<?>) event.payload().get("aims")).hasSize(4);
        assertThat(event.metadata()).containsEntry("effectiveOn", publishedOn).containsEntry("actor", SeedImporter.ACTOR);
    }

    private static List<StoredEvents.Stored> published(List<StoredEvents.Stored> events) {
        return events.stream().filter(event -> event.type().equals("ActionPublished")).toList();
    }

    private static int number(StoredEvents.Stored event) {
        return Integer.parseInt(event.aggregate().substring(event.aggregate().lastIndexOf('/') + 1));
    }

    private static List<Integer> numbers(List<StoredEvents.Stored> events) {
        return events.stream().map(SeedImportTest::number).toList();
    }

    private static List<Integer> oneTo18() {
        return IntStream.rangeClosed(1, 18).boxed().toList();
    }

    /** One letter per action: the aim code, or the timeframe's initial. */
    private static String letters(List<StoredEvents.Stored> actions, String field) {
        return actions.stream().map(event -> ((String) event.payload().get(field)).substring(0, 1)).collect(Collectors.joining());
    }

    private static String title(List<StoredEvents.Stored> events, int number) {
        return (String) published(events).get(number - 1).payload().get("title");
    }

    private static String ownerOf(List<StoredEvents.Stored> events, int number) {
        return (String) published(events).get(number - 1).payload().get("ownerBodyId");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }
}
