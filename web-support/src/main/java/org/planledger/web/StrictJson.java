package org.planledger.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * How request bodies are read: exactly as the API documents them. Each value must have its own JSON type (no
 * number read as text or as an enum, no text read as a number, no array read as a date, no empty string read as
 * null, an enum only by its exact name), a key may appear once, nothing may follow the object, text must be
 * {@link PlainText} and dates {@link Dates}. Only request bodies are read this way; what the services read back
 * from their own store is not a client's to get wrong.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The service's mapper, made strict for reading requests. */
    public static JsonMapper mapper(JsonMapper base) {
        return base.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // JSON as RFC 8259 has it, whatever a default may say: no comments, quotes other than ", \q, NaN, ...
                .disable(JsonReadFeature.values())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfigDefaults(config -> {
                    // A shape is only ever consulted here when it is not the target's own: every coercion fails.
                    for (CoercionInputShape shape : CoercionInputShape.values()) {
                        config.setCoercion(shape, CoercionAction.Fail);
                    }
                    config.setAcceptBlankAsEmpty(false);
                })
                .addModule(new SimpleModule("strict-json")
                        .addDeserializer(String.class, new Text())
                        .addDeserializer(LocalDate.class, new Date())
                        .setDeserializerModifier(new ValueDeserializerModifier() {
                            @Override
                            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                              BeanDescription.Supplier description,
                                                                              ValueDeserializer<?> deserializer) {
                                return new Constant(type.getRawClass());
                            }
                        }))
                .build();
    }

    /** A value of the right JSON type that the API still does not take; the message says why. */
    public static final class Refused extends InvalidFormatException {
        Refused(JsonParser parser, String reason, String value, Class<?> type) {
            super(parser, reason, value, type);
        }
    }

    private static final class Text extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            Optional<String> fault = value == null ? Optional.empty() : PlainText.fault(value);
            if (fault.isPresent()) {
                throw new Refused(parser, fault.get(), value, String.class);
            }
            return value;
        }
    }

    /** An enum only from its exact name: Jackson's own also takes " IN_PROGRESS" (trimmed) and "2" (an index). */
    private static final class Constant extends StdDeserializer<Object> {
        Constant(Class<?> type) {
            super(type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getString();
            return Arrays.stream(handledType().getEnumConstants()).filter(constant -> ((Enum<?>) constant).name().equals(text))
                    .findFirst()
                    .orElseThrow(() -> InvalidFormatException.from(parser, "not a constant", text, handledType()));
        }
    }

    /** Only a JSON string in ISO form: Jackson would also take [2024, 1, 1] and a count of days. */
    private static final class Date extends StdDeserializer<LocalDate> {
        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            return Dates.parse(text).orElseThrow(() -> new Refused(parser, "must be " + Dates.EXPECTED, text, LocalDate.class));
        }
    }
}
