package org.planledger.eventstore;

import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.planledger.events.EventCatalogue;
import org.planledger.events.LedgerEvent;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are forever: the JSON each event type was first stored as must still read back as the same event.
 * Changing a record so that an old fixture no longer reads means writing an upcaster and a fixture for the new
 * revision, never editing the old fixture.
 */
class StoredEventsTest {

    private final LedgerSerializer serializer = LedgerSerializer.create();

    @Test
    void everyCataloguedTypeHasAStoredFixtureAtItsCurrentRevision() {
        for (Class<? extends LedgerEvent> type : EventCatalogue.TYPES) {
            var serializedType = serializer.typeForClass(type);
            String fixture = fixtureName(serializedType.getName(), serializedType.getRevision());
            assertThat(getClass().getResource(fixture)).as(fixture).isNotNull();
        }
    }

    @Test
    void eachStoredFixtureReadsBackAsTheSampleEvent() throws IOException {
        for (LedgerEvent expected : SampleEvents.ALL) {
            var type = serializer.typeForClass(expected.getClass());
            byte[] stored;
            try (InputStream in = getClass().getResourceAsStream(fixtureName(type.getName(), type.getRevision()))) {
                stored = in.readAllBytes();
            }
            Object read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                    new SimpleSerializedType(type.getName(), type.getRevision())));
            assertThat(read).isEqualTo(expected);
        }
    }

    private static String fixtureName(String name, String revision) {
        return "/stored-events/" + name + ".rev" + revision + ".json";
    }
}
