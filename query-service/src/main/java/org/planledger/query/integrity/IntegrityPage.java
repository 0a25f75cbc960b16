package org.planledger.query.integrity;

import org.planledger.eventstore.EventChain;
import org.planledger.query.site.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The hash chain's verification for auditors, optionally against a checkpoint they kept. */
@PageController
public class IntegrityPage {

    private final EventChain chain;

    public IntegrityPage(EventChain chain) {
        this.chain = chain;
    }

    @GetMapping("/integrity")
    String integrity(@RequestParam(required = false) String checkpointPosition,
                     @RequestParam(required = false) String checkpointHash, Model model) {
        EventChain.Link checkpoint = null;
        boolean given = checkpointPosition != null && !checkpointPosition.isBlank();
        if (given) {
            if (!checkpointPosition.strip().matches("[1-9][0-9]{0,18}")
                    || checkpointHash == null || !checkpointHash.strip().matches("[0-9a-f]{64}")) {
                model.addAttribute("checkpointError",
                        "Enter the position (a whole number) and the hash (64 hex digits) of a checkpoint you kept");
            } else {
                checkpoint = new EventChain.Link(Long.valueOf(checkpointPosition.strip()), checkpointHash.strip());
            }
        }
        model.addAttribute("checkpointPosition", checkpointPosition == null ? "" : checkpointPosition);
        model.addAttribute("checkpointHash", checkpointHash == null ? "" : checkpointHash);
        long started = System.nanoTime();
        model.addAttribute("verification", chain.verify(checkpoint));
        model.addAttribute("millis", (System.nanoTime() - started) / 1_000_000);
        return "integrity";
    }
}
