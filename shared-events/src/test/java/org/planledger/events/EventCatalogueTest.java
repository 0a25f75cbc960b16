package org.planledger.events;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogueTest {

    @Test
    void catalogsEveryEventRecordInThisModule() throws Exception {
        List<Class<?>> records = eventRecordsOnDisk();

        assertThat(records).isNotEmpty();
        assertThat(EventCatalogue.TYPES).containsExactlyInAnyOrderElementsOf(records.stream()
                .map(type -> type.asSubclass(LedgerEvent.class)).toList());
    }

    @Test
    void givesEveryTypeOneUniqueNameAndARevision() {
        List<String> names = EventCatalogue.TYPES.stream().map(type -> EventCatalogue.typeName(type).orElseThrow()).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("[A-Z][A-Za-z]+"));
        assertThat(EventCatalogue.TYPES).allSatisfy(type -> {
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            assertThat(type.getAnnotation(Revision.class)).as(type + " has a @Revision").isNotNull();
        });
    }

    @Test
    void resolvesNamesBothWays() {
        assertThat(EventCatalogue.typeName(ProgressRecorded.class)).contains("ProgressRecorded");
        assertThat(EventCatalogue.typeFor("ProgressRecorded")).contains(ProgressRecorded.class);
        assertThat(EventCatalogue.typeFor("org.planledger.events.ProgressRecorded")).isEmpty();
        assertThat(EventCatalogue.typeName(String.class)).isEmpty();
    }

    /** Every record in this package that is a LedgerEvent, found from the compiled classes. */
    private static List<Class<?>> eventRecordsOnDisk() throws IOException, URISyntaxException {
        Path folder = Path.of(LedgerEvent.class.getResource("LedgerEvent.class").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load("org.planledger.events." + name.substring(0, name.length() - ".class".length())))
                    .filter(type -> type.isRecord() && LedgerEvent.class.isAssignableFrom(type))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
