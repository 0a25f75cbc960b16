package org.planledger.query.body;

import jakarta.validation.constraints.Pattern;
import org.planledger.events.Identifiers;
import org.planledger.query.accountability.AccountabilityQueries;
import org.planledger.query.site.PageController;
import org.planledger.query.site.Viewer;
import org.planledger.web.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The governance bodies: anyone sees who they are and what they own; staff also see each body's accountability. */
@PageController
public class BodyPages {

    private final BodyQueries bodies;
    private final AccountabilityQueries accountability;
    private final int overdueAfterDays;

    public BodyPages(BodyQueries bodies, AccountabilityQueries accountability,
                     @Value("${plan-ledger.accountability.overdue-after-days}") int overdueAfterDays) {
        this.bodies = bodies;
        this.accountability = accountability;
        this.overdueAfterDays = overdueAfterDays;
    }

    @GetMapping("/bodies")
    String bodies(Model model) {
        model.addAttribute("bodies", bodies.all());
        return "bodies";
    }

    @GetMapping("/bodies/{bodyId}")
    String body(@PathVariable @Pattern(regexp = Identifiers.SLUG) String bodyId, Model model) {
        model.addAttribute("body", bodies.one(bodyId).orElseThrow(() -> new NotFound("there is no body " + bodyId)));
        if (Viewer.current().staff()) {
            model.addAttribute("account", accountability.ofBody(bodyId, overdueAfterDays).orElse(null));
        }
        return "body";
    }
}
