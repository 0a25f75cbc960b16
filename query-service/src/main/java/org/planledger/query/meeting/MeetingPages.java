package org.planledger.query.meeting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import org.planledger.events.Identifiers;
import org.planledger.query.body.BodyQueries;
import org.planledger.query.site.CommandService;
import org.planledger.query.site.Forms;
import org.planledger.query.site.PageController;
import org.planledger.query.site.ReadYourWrites;
import org.planledger.query.traceability.Traceability;
import org.planledger.query.traceability.TraceabilityQueries;
import org.planledger.web.NotFound;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Task Force meetings for staff: each meeting with its decisions and the changes made under each, and for the
 * secretariat the forms to record a meeting and a decision.
 */
@PageController
public class MeetingPages {

    private final MeetingQueries meetings;
    private final TraceabilityQueries traceability;
    private final BodyQueries bodies;
    private final CommandService commands;

    public MeetingPages(MeetingQueries meetings, TraceabilityQueries traceability, BodyQueries bodies,
                        CommandService commands) {
        this.meetings = meetings;
        this.traceability = traceability;
        this.bodies = bodies;
        this.commands = commands;
    }

    @GetMapping("/meetings")
    String meetings(Model model) {
        model.addAttribute("meetings", meetings.all(null));
        return "meetings";
    }

    @GetMapping("/meetings/{meetingId}")
    String meeting(@PathVariable @Pattern(regexp = Identifiers.SLUG) String meetingId,
                   @RequestParam(required = false) @Pattern(regexp = "^(meeting|decision)$") String recorded,
                   Model model) {
        Traceability.OfMeeting trace = traceability.ofMeeting(meetingId)
                .orElseThrow(() -> new NotFound("there is no meeting " + meetingId));
        model.addAttribute("recorded", recorded);
        model.addAttribute("meeting", trace.meeting());
        model.addAttribute("decisions", trace.decisions());
        model.addAttribute("decisionKey", UUID.randomUUID().toString());
        return "meeting";
    }

    @GetMapping("/decisions/{decisionId}")
    String decision(@PathVariable @Pattern(regexp = Identifiers.DECISION) String decisionId) {
        MeetingQueries.DecisionRow decision = meetings.decision(decisionId)
                .orElseThrow(() -> new NotFound("there is no decision " + decisionId));
        return "redirect:/meetings/" + decision.meetingId() + "#decision-" + decisionId;
    }

    @GetMapping("/meetings/new")
    String newMeeting(Model model) {
        model.addAttribute("bodies", bodies.all());
        model.addAttribute("meetingKey", UUID.randomUUID().toString());
        return "meeting-form";
    }

    @PostMapping("/meetings")
    String recordMeeting(@RequestParam Map<String, String> form, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("meetingId", "bodyId", "heldOn", "title")) {
            body.put(field, Forms.text(form, field));
        }
        CommandService.Outcome outcome = commands.send("/api/meetings", body, form.get("idempotencyKey"), null, request);
        if (outcome.succeeded()) {
            ReadYourWrites.await(() -> meetings.summary((String) body.get("meetingId")).isPresent());
            return "redirect:/meetings/" + body.get("meetingId") + "?recorded=meeting";
        }
        response.setStatus(outcome.status());
        model.addAttribute("form", form);
        model.addAttribute("outcome", outcome);
        return newMeeting(model);
    }

    @PostMapping("/meetings/{meetingId}/decisions")
    String recordDecision(@PathVariable @Pattern(regexp = Identifiers.SLUG) String meetingId,
                          @RequestParam Map<String, String> form, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        String decisionId = Forms.text(form, "decisionId");
        body.put("decisionId", decisionId);
        body.put("text", form.getOrDefault("text", ""));
        body.put("actions", Arrays.stream(form.getOrDefault("actions", "").split("[\\s,]+"))
                .filter(ref -> !ref.isBlank()).toList());
        CommandService.Outcome outcome = commands.send("/api/meetings/" + meetingId + "/decisions", body,
                form.get("idempotencyKey"), null, request);
        if (outcome.succeeded()) {
            ReadYourWrites.await(() -> meetings.decision(decisionId).isPresent());
            return "redirect:/meetings/" + meetingId + "?recorded=decision#decision-" + decisionId;
        }
        response.setStatus(outcome.status());
        model.addAttribute("form", form);
        model.addAttribute("outcome", outcome);
        return meeting(meetingId, null, model);
    }
}
