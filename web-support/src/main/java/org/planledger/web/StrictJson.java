package org.planledger.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How request bodies are read: exactly as the API documents them. Each value must have its own JSON type (no
 * number read as text or as an enum, no text read as a number, no array read as a date, no empty string read as
 * null), a key may appear once, nothing may follow the object, text must be {@link PlainText} and dates
 * {@link Dates}. Only request bodies are read this way; what the services read back from their own store is not a
 * client's to get wrong.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The service's mapper, made strict for reading requests. */
    public static JsonMapper mapper(JsonMapper base) {
        return base.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS, MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .withCoercionConfigDefaults(config -> {
                    // A shape is only ever consulted here when it is not the target's own: every coercion fails.
                    for (CoercionInputShape shape : CoercionInputShape.values()) {
                        config.setCoercion(shape, CoercionAction.Fail);
                    }
                    config.setAcceptBlankAsEmpty(false);
                })
                .addModule(new SimpleModule("strict-json")
                        .addDeserializer(String.class, new Text())
                        .addDeserializer(LocalDate.class, new Date()))
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
