package org.planledger.query.status;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.ActionRef;
import org.planledger.events.Identifiers;
import org.planledger.query.Instants;
import org.planledger.query.body.BodyQueries;
import org.planledger.query.body.BodyView;
import org.planledger.query.changes.ChangeLog;
import org.planledger.query.meeting.MeetingQueries;
import org.planledger.query.site.CommandService;
import org.planledger.query.site.Forms;
import org.planledger.query.site.PageController;
import org.planledger.query.site.ReadYourWrites;
import org.planledger.query.site.Viewer;
import org.planledger.web.InvalidRequest;
import org.planledger.web.NotFound;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The plan's pages: the overview by aim at any date, the comparison of two dates, and each action with its timeline
 * and, for those who may use them, the forms to record progress and reassign the owner.
 */
@PageController
public class PlanPages {

    private static final String ACTION = "/plans/{planId}/versions/{versionId}/actions/{number}";

    private final PlanStatusQueries queries;
    private final PlanDiffs diffs;
    private final StatusPictures pictures;
    private final ChangeLog changeLog;
    private final BodyQueries bodies;
    private final MeetingQueries meetings;
    private final CommandService commands;
    private final Clock clock;

    public PlanPages(PlanStatusQueries queries, PlanDiffs diffs, StatusPictures pictures, ChangeLog changeLog,
                     BodyQueries bodies, MeetingQueries meetings, CommandService commands, Clock clock) {
        this.queries = queries;
        this.diffs = diffs;
        this.pictures = pictures;
        this.changeLog = changeLog;
        this.bodies = bodies;
        this.meetings = meetings;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        Map<String, List<PlanStatus.Version>> plans = queries.plans();
        if (plans.size() == 1) {
            return "redirect:/plans/" + plans.keySet().iterator().next();
        }
        model.addAttribute("plans", plans);
        return "plans";
    }

    @GetMapping("/plans/{planId}")
    String overview(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                    @RequestParam(required = false) String asOf, Model model) {
        Instant now = now();
        model.addAttribute("asOf", asOf == null ? "" : asOf);
        Instant effective;
        try {
            effective = Instants.endOf("asOf", asOf, clock);
        } catch (InvalidRequest e) {
            model.addAttribute("asOfError", "Enter a date such as 2023-01-01");
            effective = now;
        }
        List<PlanStatus.Version> versions = queries.plans().get(planId);
        if (versions == null) {
            throw new NotFound("there is no plan " + planId);
        }
        model.addAttribute("planId", planId);
        model.addAttribute("versions", versions);
        model.addAttribute("status", queries.status(planId, effective, now).orElse(null));
        model.addAttribute("owners", ownerNames(bodies.all()));
        model.addAttribute("charts", pictures.countsOverTime(planId, now));
        model.addAttribute("statuses", StatusPictures.FILL.keySet());
        return "plan";
    }

    @GetMapping("/plans/{planId}/diff")
    String diff(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        if (!queries.planExists(planId)) {
            throw new NotFound("there is no plan " + planId);
        }
        model.addAttribute("planId", planId);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        if (from == null && to == null) {
            return "diff";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (errors.isEmpty() && start.isAfter(end)) {
            errors.put("from", "The first date must be on or before the second");
        }
        model.addAttribute("errors", errors);
        if (errors.isEmpty()) {
            model.addAttribute("diff", diffs.between(planId, start, end, now()));
        }
        return "diff";
    }

    private Instant instant(String name, String value, Map<String, String> errors) {
        try {
            if (value == null || value.isBlank()) {
                errors.put(name, "Enter a date");
                return null;
            }
            return Instants.endOf(name, value, clock);
        } catch (InvalidRequest e) {
            errors.put(name, "Enter a real date, such as 2023-01-01");
            return null;
        }
    }

    @GetMapping(ACTION)
    String action(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                  @PathVariable @Pattern(regexp = Identifiers.VERSION) String versionId,
                  @PathVariable @Min(1) @Max(ActionRef.MAX_NUMBER) int number,
                  @RequestParam(required = false) @Pattern(regexp = "^(progress|ownership)$") String recorded,
                  Model model) {
        model.addAttribute("recorded", recorded);
        return actionPage(new ActionRef(planId, versionId, number), model);
    }

    @PostMapping(ACTION + "/progress")
    String recordProgress(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                          @PathVariable @Pattern(regexp = Identifiers.VERSION) String versionId,
                          @PathVariable @Min(1) @Max(ActionRef.MAX_NUMBER) int number,
                          @RequestParam Map<String, String> form, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", form.getOrDefault("summary", ""));
        optional(form, "status", body);
        optional(form, "effectiveOn", body);
        optional(form, "decisionId", body);
        List<String> evidence = Arrays.stream(form.getOrDefault("evidence", "").split("\\R"))
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (!evidence.isEmpty()) {
            body.put("evidence", evidence);
        }
        return send(new ActionRef(planId, versionId, number), "progress", body, form, request, response, model);
    }

    @PostMapping(ACTION + "/ownership")
    String reassign(@PathVariable @Pattern(regexp = Identifiers.SLUG) String planId,
                    @PathVariable @Pattern(regexp = Identifiers.VERSION) String versionId,
                    @PathVariable @Min(1) @Max(ActionRef.MAX_NUMBER) int number,
                    @RequestParam Map<String, String> form, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ownerBodyId", form.getOrDefault("ownerBodyId", ""));
        body.put("reason", form.getOrDefault("reason", ""));
        optional(form, "decisionId", body);
        optional(form, "effectiveOn", body);
        return send(new ActionRef(planId, versionId, number), "ownership", body, form, request, response, model);
    }

    /** Sends a form's command; on success back to the action page (post/redirect/get), else the form with errors. */
    private String send(ActionRef ref, String command, Map<String, Object> body, Map<String, String> form,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        CommandService.Outcome outcome = commands.send("/api" + page(ref) + "/" + command, body,
                form.get("idempotencyKey"), form.get("version"), request);
        if (outcome.succeeded()) {
            ReadYourWrites.await(() -> queries.action(ref).map(PlanStatus.ActionState::version).orElse(-1L)
                    >= outcome.version());
            return "redirect:" + page(ref) + "?recorded=" + command + "#changes";
        }
        response.setStatus(outcome.status());
        model.addAttribute(command + "Form", form);
        model.addAttribute(command + "Outcome", outcome);
        return actionPage(ref, model);
    }

    private String actionPage(ActionRef ref, Model model) {
        PlanStatus.ActionState action = queries.action(ref)
                .orElseThrow(() -> new NotFound("there is no action " + ref));
        Viewer viewer = Viewer.current();
        model.addAttribute("ref", ref);
        model.addAttribute("actionPath", page(ref));
        model.addAttribute("action", action);
        model.addAttribute("changes", changeLog.ofAction(ref));
        model.addAttribute("band", pictures.band(ref, now()));
        List<BodyView.Summary> all = bodies.all();
        model.addAttribute("owners", ownerNames(all));
        if (viewer.mayRecordProgress(action.owner())) {
            model.addAttribute("decisions", meetings.naming(ref.toString()));
            model.addAttribute("bodies", all);
            model.addAttribute("statuses", List.of("NOT_STARTED", "IN_PROGRESS", "AT_RISK", "COMPLETED"));
            // A fresh key per form shown: sending the same form twice records it once.
            model.addAttribute("progressKey", UUID.randomUUID().toString());
            model.addAttribute("ownershipKey", UUID.randomUUID().toString());
        }
        return "action";
    }

    /** The action's page; the command service's address for the action is the same under /api. */
    private static String page(ActionRef ref) {
        return "/plans/" + ref.planId() + "/versions/" + ref.versionId() + "/actions/" + ref.number();
    }

    private static Map<String, String> ownerNames(List<BodyView.Summary> bodies) {
        return bodies.stream().collect(Collectors.toMap(BodyView.Summary::bodyId, BodyView.Summary::name,
                (a, b) -> a, LinkedHashMap::new));
    }

    private static void optional(Map<String, String> form, String name, Map<String, Object> body) {
        String value = Forms.text(form, name);
        if (value != null) {
            body.put(name, value);
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
