package org.planledger.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Why a request body could not be read, as the field at fault and a message in the API's words. */
final class UnreadableBody {

    private UnreadableBody() {
    }

    /** Turns Jackson's account of an unreadable body into a field name and a message without Java types in it. */
    static Problems.FieldError describe(Throwable cause) {
        if (!(cause instanceof JacksonException jackson)) {
            return new Problems.FieldError("body", "the request body is missing or is not JSON");
        }
        String field = jsonPath(jackson);
        if (cause instanceof UnrecognizedPropertyException) {
            return new Problems.FieldError(field, "is not a field this request takes");
        }
        if (cause instanceof StrictJson.Refused refused) {
            return new Problems.FieldError(field, refused.getOriginalMessage());
        }
        if (cause instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return new Problems.FieldError(field, instantiation.getCause().getMessage());
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String given = mismatch instanceof InvalidFormatException format ? ", not " + shown(format.getValue()) : "";
            return new Problems.FieldError(field, "must be " + expected(mismatch.getTargetType()) + given);
        }
        if (cause instanceof MismatchedInputException) {
            return new Problems.FieldError(field, "is missing or has the wrong type");
        }
        if (cause instanceof InputCoercionException) {
            return new Problems.FieldError(field, "is a number out of range");
        }
        if (jackson.getOriginalMessage() != null && jackson.getOriginalMessage().startsWith("Duplicate Object property")
                && jackson.processor() instanceof JsonParser parser) {
            // The parser found it, before any binding: the key is where the parser had got to.
            return new Problems.FieldError(parserPath(parser.streamReadContext()), "appears more than once");
        }
        String where = jackson.getLocation() == null ? ""
                : " at line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr();
        return new Problems.FieldError(field, "malformed JSON" + where);
    }

    /** What a field of this type takes, in the API's words. */
    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class || createdFromText(type)) {
            return "text (a JSON string)";
        }
        if (type == LocalDate.class) {
            return Dates.EXPECTED;
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a JSON object";
    }

    /** A type written as a string, such as an action reference ({@code chronic-pain/2023-11/7}). */
    private static boolean createdFromText(Class<?> type) {
        return Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()))
                .anyMatch(creator -> creator.isAnnotationPresent(JsonCreator.class)
                        && Arrays.equals(creator.getParameterTypes(), new Class<?>[] {String.class}));
    }

    private static String shown(Object value) {
        String text = value instanceof String string ? "'" + string + "'" : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Where in the body the fault is, from the path Jackson's binding recorded. */
    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String parserPath(TokenStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.currentName() != null) {
                parts.add(0, "." + at.currentName());
            } else if (at.inArray() && at.hasCurrentIndex()) {
                parts.add(0, "[" + at.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
    }
}
