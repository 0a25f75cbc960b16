package org.planledger.command.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.planledger.command.AlreadyExists;
import org.planledger.command.RuleViolation;
import org.planledger.command.idempotency.IdempotencyKeyInUse;
import org.planledger.command.idempotency.IdempotencyKeyReused;
import org.planledger.web.ProblemHandler;
import org.planledger.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The command service's one error handler: the shared answers plus those for the plan's rules and the store. */
@RestControllerAdvice
public class CommandProblemHandler extends ProblemHandler {

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, Problems.RULE_VIOLATION, "Refused by a rule", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found",
                "there is no " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Stale version",
                e.getAggregateIdentifier() + " is at version " + e.getActualVersion() + ", not "
                        + e.getExpectedVersion() + " as If-Match said; fetch it again and retry");
    }

    @ExceptionHandler(AlreadyExists.class)
    ProblemDetail alreadyExists(AlreadyExists e) {
        return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Already exists", e.getMessage());
    }

    /** Two requests created the same thing at the same moment; the store's unique key let only one through. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail createdConcurrently(AggregateStreamCreationException e) {
        return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Already exists",
                "it already exists; nothing of this request was saved");
    }

    /** Another writer appended to the same aggregate first (PostgreSQL's unique key, mapped by the store). */
    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentWrite(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Concurrent change",
                "another change to the same record was saved at the same moment; nothing of this request was saved, retry it");
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, Problems.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key reused",
                e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyInUse.class)
    ProblemDetail idempotencyKeyInUse(IdempotencyKeyInUse e) {
        return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Request in progress", e.getMessage());
    }
}
