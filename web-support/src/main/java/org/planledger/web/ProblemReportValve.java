package org.planledger.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;

/**
 * Tomcat's error report, as problem+json: for what Tomcat refuses before any application sees the request (a path
 * with {@code %2F}, {@code %00}, a backslash or bytes that are not UTF-8, characters a request line may not hold),
 * and anything the application's own error page could not answer. Replaces Tomcat's HTML page on the host.
 */
public class ProblemReportValve extends ErrorReportValve {

    private final JsonMapper json;

    public ProblemReportValve(JsonMapper json) {
        this.json = json;
    }

    /** Puts this valve on the host in place of Tomcat's and Spring Boot's error report valves. */
    public static void install(Container host, JsonMapper json) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        host.getPipeline().addValve(new ProblemReportValve(json));
        if (host instanceof StandardHost standard) {
            // Or the host would add Tomcat's own again when it starts.
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == 501 || status == 505) {
            // A transfer coding or an HTTP version Tomcat does not implement (gzip, HTTP/9.9): RFC 9112 suggests 501
            // and 505, but it is the client's request that is malformed, and nothing is wrong with the service.
            status = 400;
        }
        ResponseEntity<ProblemDetail> answer = status >= 500 && throwable != null ? ProblemHandler.failure(throwable)
                : ResponseEntity.status(status).body(Problems.ofStatus(status, status == 400
                ? "the request could not be read: its address or headers are malformed" : "the request was refused"));
        ProblemDetail problem = answer.getBody();
        problem.setInstance(Problems.instance(request.getRequestURI()));
        try {
            response.setStatus(answer.getStatusCode().value());
            answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (Exception | LinkageError e) {
            getContainer().getLogger().warn("Could not write the problem for status " + status, e);
        }
    }
}
