package org.planledger.eventstore;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.planledger.events.EventCatalogue;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon's Jackson 3 serializer, storing our events under their catalogued names rather than Java class names.
 * Axon's own types (tokens, metadata) keep their class names.
 */
public final class LedgerSerializer extends Jackson3Serializer {

    private LedgerSerializer(Builder builder) {
        super(builder);
    }

    public static LedgerSerializer create() {
        return new LedgerSerializer(Jackson3Serializer.builder().jsonMapperBuilderCustomizer(LedgerSerializer::customize));
    }

    private static void customize(JsonMapper.Builder mapper) {
        // Axon's ReplayToken carries nested tokens typed by class name; Jackson 3 refuses such types
        // unless they are allowed, and only Axon's and ours are.
        mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("org.planledger.")
                .build());
        // A stored field the record no longer has means an upcaster is missing: fail rather than drop it.
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return EventCatalogue.typeName(type)
                .<SerializedType>map(name -> new SimpleSerializedType(name, getRevisionResolver().revisionOf(type)))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventCatalogue.typeFor(serializedType.getName())
                .map(Class::getName)
                .orElseGet(serializedType::getName);
    }
}
