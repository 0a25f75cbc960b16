package org.planledger.query.web;

import org.planledger.query.replay.ReplayInProgress;
import org.planledger.query.replay.ReplayRefused;
import org.planledger.web.ProblemHandler;
import org.planledger.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The query service's one error handler for the JSON API: the shared failures, and the read models being rebuilt.
 * The web pages answer their errors as pages (see site.PageModel).
 */
@RestControllerAdvice(annotations = RestController.class)
public class QueryProblemHandler extends ProblemHandler {

    @ExceptionHandler(ReplayInProgress.class)
    ResponseEntity<ProblemDetail> replaying(ReplayInProgress e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE, "Read models being rebuilt",
                        e.getMessage()));
    }

    @ExceptionHandler(ReplayRefused.class)
    ProblemDetail replayRefused(ReplayRefused e) {
        return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Replay refused", e.getMessage());
    }
}
