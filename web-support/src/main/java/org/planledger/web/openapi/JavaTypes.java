package org.planledger.web.openapi;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The records the API's bodies are made of, by the schema name each is described under: the name given by
 * {@code @Schema(name = …)}, or the simple class name. Two classes under one name would be described as one (so
 * the description of one of them would be wrong), so that fails the description outright. In answers, every
 * record component is always written, so each is required; one marked {@link Nullable} (JSpecify) is nullable, and
 * every other one is never null. (What a request must hold, Bean Validation's annotations say.)
 */
final class JavaTypes {

    private static final String OURS = "org.planledger.";

    private final Map<String, Class<?>> byName;
    private final Set<Class<?>> answers;

    private JavaTypes(Map<String, Class<?>> byName, Set<Class<?>> answers) {
        this.byName = byName;
        this.answers = answers;
    }

    static JavaTypes of(RequestMappingHandlerMapping mappings) {
        Map<String, Set<Class<?>>> found = new TreeMap<>();
        Map<String, Set<Class<?>>> answered = new TreeMap<>();
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            walk(handler.getMethod().getGenericReturnType(), answered);
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    walk(parameter.getGenericParameterType(), found);
                }
            }
        }
        Set<Class<?>> answers = new HashSet<>();
        answered.forEach((name, classes) -> {
            answers.addAll(classes);
            found.computeIfAbsent(name, n -> new HashSet<>()).addAll(classes);
        });
        List<String> clashes = found.entrySet().stream().filter(name -> name.getValue().size() > 1)
                .map(name -> name.getKey() + " " + name.getValue().stream().map(Class::getName)
                        .collect(Collectors.toCollection(TreeSet::new)))
                .toList();
        if (!clashes.isEmpty()) {
            throw new IllegalStateException("one schema name would describe several classes alike, " + clashes
                    + ": give each its own with @Schema(name = ...)");
        }
        Map<String, Class<?>> byName = new TreeMap<>();
        found.forEach((name, classes) -> byName.put(name, classes.iterator().next()));
        return new JavaTypes(byName, answers);
    }

    void describe(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        List<Runnable> nullables = new ArrayList<>();
        schemas.forEach((name, schema) -> {
            Class<?> type = byName.get(name);
            if (type == null || !type.isRecord() || schema.getProperties() == null) {
                return;
            }
            if (answers.contains(type)) {
                schema.setRequired(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                        .filter(schema.getProperties()::containsKey).toList());
            }
            for (RecordComponent component : type.getRecordComponents()) {
                Schema<?> property = (Schema<?>) schema.getProperties().get(component.getName());
                if (property != null && component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                    nullables.add(() -> schema.getProperties().put(component.getName(), nullable(property, schemas)));
                }
            }
        });
        nullables.forEach(Runnable::run);
        // A record only ever nullable is now written out wherever it is used: its schema would stand unused.
        String written = Json.pretty(openApi);
        if (written != null) {
            schemas.keySet().removeIf(name -> byName.containsKey(name) && !written.contains("/schemas/" + name + "\""));
        }
    }

    /**
     * In OpenAPI 3.0.3, nullable adds null only to the type beside it, not to a $ref's or an allOf's, so a nullable
     * object is written out in place rather than referred to.
     */
    private static Schema<?> nullable(Schema<?> property, Map<String, Schema> schemas) {
        if (property.get$ref() == null) {
            return property.nullable(true);
        }
        Schema<?> referred = schemas.get(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
        return new ObjectSchema().properties(referred.getProperties()).required(referred.getRequired())
                .description(referred.getDescription()).nullable(true);
    }

    private static void walk(Type type, Map<String, Set<Class<?>>> found) {
        if (type instanceof ParameterizedType parameterized) {
            walk(parameterized.getRawType(), found);
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> walk(argument, found));
        } else if (type instanceof GenericArrayType array) {
            walk(array.getGenericComponentType(), found);
        } else if (type instanceof WildcardType wildcard) {
            Arrays.stream(wildcard.getUpperBounds()).forEach(bound -> walk(bound, found));
        } else if (type instanceof Class<?> plain) {
            if (plain.isArray()) {
                walk(plain.getComponentType(), found);
            } else if (plain.isRecord() && plain.getName().startsWith(OURS)) {
                Set<Class<?>> named = found.computeIfAbsent(name(plain), n -> new HashSet<>());
                if (named.add(plain)) {
                    Arrays.stream(plain.getRecordComponents()).forEach(c -> walk(c.getGenericType(), found));
                }
            }
        }
    }

    private static String name(Class<?> type) {
        io.swagger.v3.oas.annotations.media.Schema schema =
                type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && !schema.name().isBlank() ? schema.name() : type.getSimpleName();
    }
}
