package org.planledger.command;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;

/** Every command endpoint the service maps, for tests that must reach all of them. */
public final class CommandEndpoints {

    private CommandEndpoints() {
    }

    /** Every POST under /api, its path variables filled with ids that name no plan, body or meeting. */
    public static List<String> aimedAtNothing(RequestMappingHandlerMapping mappings) {
        List<String> endpoints = new ArrayList<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            if (mapping.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                mapping.getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/")).forEach(pattern ->
                        endpoints.add(pattern.replace("{planId}", "no-such-plan").replace("{versionId}", "2023-11")
                                .replace("{number}", "1").replace("{bodyId}", "no-such-body")
                                .replace("{meetingId}", "no-such-meeting").replace("{personId}", "nobody")));
            }
        }
        endpoints.sort(String::compareTo);
        return endpoints;
    }
}
