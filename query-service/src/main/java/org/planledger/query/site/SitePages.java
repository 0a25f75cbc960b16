package org.planledger.query.site;

import org.springframework.web.bind.annotation.GetMapping;

/** Signing in: the security rules ask the browser for credentials here, and once it has them, home it goes. */
@PageController
public class SitePages {

    @GetMapping("/sign-in")
    String signIn() {
        return "redirect:/";
    }
}
