package org.planledger.query.status;

import org.springframework.web.util.HtmlUtils;

import java.util.Locale;

/** A small writer of SVG markup for the pages' pictures; every text it is given is escaped. */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    /** Opens an image described by {@code title} and {@code description}, which screen readers announce. */
    Svg(String id, int width, int height, String title, String description) {
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ledger-chart\" "
                        + "viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-labelledby=\"%s-title %s-desc\">",
                width, height, id, id));
        out.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        out.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
    }

    /** A rectangle with a tooltip. */
    Svg rect(double x, double y, double width, double height, String fill, String tooltip) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
                x, y, width, height, fill));
        if (tooltip != null) {
            out.append("<title>").append(escape(tooltip)).append("</title>");
        }
        out.append("</rect>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke) {
        out.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>",
                x1, y1, x2, y2, stroke));
        return this;
    }

    /** Text in the page's font, 14 units high; {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String anchor, String text) {
        out.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"14\" fill=\"#0b0c0c\">", x, y, anchor));
        out.append(escape(text)).append("</text>");
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    /** The markup-sensitive characters as references; the page is UTF-8, so nothing else needs one. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
