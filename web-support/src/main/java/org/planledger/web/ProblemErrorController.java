package org.planledger.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * Answers what reaches the servlet container's error page: a status a filter or Spring Security sent, an
 * exception from outside Spring MVC's handlers, Tomcat's own refusal of a request it has mapped (405 for TRACE), and
 * {@code /error} asked for directly (404). Always problem+json, except the HTML pages a service
 * shows browsers ({@link ErrorPages}). Replaces Spring Boot's, which answered JSON of its own shape.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private final JsonMapper json;
    private final ObjectProvider<ErrorPages> pages;

    public ProblemErrorController(JsonMapper json, ObjectProvider<ErrorPages> pages) {
        this.json = json;
        this.pages = pages;
    }

    @RequestMapping("${server.error.path:/error}")
    public ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        ResponseEntity<ProblemDetail> answer = answer(request);
        ProblemDetail problem = answer.getBody();
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        Optional<ModelAndView> page = pages.orderedStream().map(p -> p.page(request, problem)).flatMap(Optional::stream)
                .findFirst();
        if (page.isPresent()) {
            return page.get();
        }
        View view = (model, req, res) -> Problems.write(req, res, json, problem);
        ModelAndView problemView = new ModelAndView(view);
        problemView.setStatus(answer.getStatusCode());
        return problemView;
    }

    static ResponseEntity<ProblemDetail> answer(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            return ResponseEntity.status(404).body(Problems.ofStatus(404, "there is nothing at this address"));
        }
        ResponseEntity<ProblemDetail> answer = status >= 500
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e ? ProblemHandler.failure(e)
                : ResponseEntity.status(status).body(Problems.ofStatus(status, detail(status)));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            answer.getBody().setInstance(Problems.instance(uri));
        }
        return answer;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request could not be read: its address, parameters or headers are malformed";
            case 401 -> "sign in to do this";
            case 403 -> "your role does not permit this";
            case 404 -> "there is nothing at this address";
            case 405 -> "this address does not take the request's method";
            case 406 -> "nothing here can be answered in a media type the Accept header lists";
            case 415 -> "the body's Content-Type is not one this address takes";
            case 413, 414, 431 -> "the request is too large";
            default -> status >= 500 ? "the request could not be completed; nothing was changed"
                    : "the request could not be carried out";
        };
    }
}
