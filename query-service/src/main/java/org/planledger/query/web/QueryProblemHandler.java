package org.planledger.query.web;

import org.planledger.web.ProblemHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query service's one error handler; it answers only the shared failures (bad parameters, not found). */
@RestControllerAdvice
public class QueryProblemHandler extends ProblemHandler {
}
