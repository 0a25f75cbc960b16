package org.planledger.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.planledger.events.LedgerEvent;
import org.planledger.events.ProgressRecorded;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerSerializerTest {

    private final LedgerSerializer serializer = LedgerSerializer.create();

    @Test
    void storesEventsUnderTheirCataloguedNameAndRevision() {
        SerializedObject<byte[]> stored = serializer.serialize(SampleEvents.ALL.get(2), byte[].class);

        assertThat(stored.getType().getName()).isEqualTo("ProgressRecorded");
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).startsWith("{\"action\":\"chronic-pain/2023-11/7\"");
    }

    @Test
    void readsBackEveryEventItWrites() {
        for (LedgerEvent event : SampleEvents.ALL) {
            SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        }
    }

    @Test
    void keepsClassNamesForAxonsOwnTypes() {
        TrackingToken token = GapAwareTrackingToken.newInstance(42, List.of(40L));

        SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);

        assertThat(stored.getType().getName()).isEqualTo(GapAwareTrackingToken.class.getName());
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(token);
    }

    @Test
    void readsBackTheReplayTokenItsProcessorsWriteDuringAReplay() {
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(99), new GlobalSequenceTrackingToken(10));

        SerializedObject<byte[]> stored = serializer.serialize(replay, byte[].class);

        assertThat((Object) serializer.deserialize(stored)).isEqualTo(replay);
    }

    @Test
    void refusesAStoredFieldTheRecordNoLongerHas() {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(
                "{\"action\":\"chronic-pain/2023-11/7\",\"summary\":\"s\",\"evidence\":[],\"dropped\":1}".getBytes(StandardCharsets.UTF_8),
                byte[].class, "ProgressRecorded", "1");

        assertThatThrownBy(() -> serializer.deserialize(stored)).isInstanceOf(SerializationException.class);
        assertThat(serializer.classForType(stored.getType())).isEqualTo(ProgressRecorded.class);
    }
}
