package org.planledger.command.plan;

import org.planledger.events.ActionRef;

import java.util.List;
import java.util.Map;

/**
 * Ends earlier actions as carried forward into the later actions that continue them, as part of publishing the
 * later version. Refuses (and so refuses the publication) if an earlier action does not exist or has ended
 * otherwise.
 */
public interface ActionLineage {

    void carryForward(Map<ActionRef, List<ActionRef>> laterByEarlier);
}
