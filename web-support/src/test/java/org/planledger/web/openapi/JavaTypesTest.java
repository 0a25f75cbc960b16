package org.planledger.web.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the description says of the records the API answers with: their names, and which fields may be null. */
class JavaTypesTest {

    @Test
    void twoClassesUnderOneSchemaNameStopTheDescription() throws Exception {
        RequestMappingHandlerMapping mappings = mappings(new Status(), new Replay());

        assertThatThrownBy(() -> JavaTypes.of(mappings)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Progress [" + Replay.Progress.class.getName() + ", "
                        + Status.Progress.class.getName() + "]");
    }

    @Test
    void everyFieldOfAnAnswerIsRequiredAndOnlyNullableOnesMayBeNull() throws Exception {
        OpenAPI api = new OpenAPI().components(new Components()
                .schemas(new TreeMap<>(ModelConverters.getInstance().readAll(Status.Action.class))))
                .path("/status", new PathItem().get(new Operation().responses(new ApiResponses().addApiResponse("200",
                        new ApiResponse().content(new Content().addMediaType("application/json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Action"))))))));

        JavaTypes.of(mappings(new Status())).describe(api);

        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Schema<?> action = schemas.get("Action");
        assertThat(action.getRequired()).containsExactlyInAnyOrder("ref", "owner", "latestProgress", "continues");
        assertThat(((Schema<?>) action.getProperties().get("ref")).getNullable()).isNull();
        assertThat(((Schema<?>) action.getProperties().get("owner")).getNullable()).isTrue();
        Schema<?> progress = (Schema<?>) action.getProperties().get("latestProgress");
        assertThat(progress.get$ref()).as("written out in place: nullable does not reach through a $ref").isNull();
        assertThat(progress.getNullable()).isTrue();
        assertThat(progress.getProperties()).containsOnlyKeys("summary");
        assertThat(schemas).as("a record only ever nullable needs no schema of its own").doesNotContainKey("Progress");
    }

    private static RequestMappingHandlerMapping mappings(Object... controllers) throws NoSuchMethodException {
        RequestMappingHandlerMapping mappings = new RequestMappingHandlerMapping();
        for (Object controller : controllers) {
            mappings.registerMapping(RequestMappingInfo.paths("/" + controller.getClass().getSimpleName()).build(),
                    controller, controller.getClass().getMethod("answer"));
        }
        return mappings;
    }

    public static class Status {
        public record Progress(String summary) {
        }

        public record Action(String ref, @Nullable String owner, @Nullable Progress latestProgress, List<String> continues) {
        }

        public Action answer() {
            return new Action("plan/2023-11/1", null, null, List.of());
        }
    }

    public static class Replay {
        public record Progress(long reached, long target) {
        }

        public Progress answer() {
            return new Progress(1, 2);
        }
    }
}
