package org.planledger.query.report;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Writes a progress report as HTML (a page that needs nothing else), Markdown, or PDF (the HTML, laid out by
 * openhtmltopdf). Nothing in the output depends on when it is written: the PDF's dates are the report's recorded
 * time and its document id is derived from the report's own bytes.
 */
@Component
public class ReportFormats {

    private static final String CSS = stylesheet();
    /**
     * The HTML report's Content-Security-Policy: its own style block, named by its hash, and nothing else (the
     * report has no script, image or form; the site's policy would refuse an inline style).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-"
            + Base64.getEncoder().encodeToString(sha256(CSS.getBytes(StandardCharsets.UTF_8)))
            + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final TemplateEngine templates;

    public ReportFormats(TemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] html(ProgressReport report) {
        return htmlText(report).getBytes(StandardCharsets.UTF_8);
    }

    private String htmlText(ProgressReport report) {
        Context context = new Context(Locale.UK);
        context.setVariable("report", report);
        context.setVariable("text", new ReportText());
        context.setVariable("css", CSS);
        return templates.process("report", context);
    }

    public byte[] markdown(ProgressReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(report.title())).append(": progress report\n\n");
        md.append("Progress against each action as it stood on ").append(ReportText.date(report.asOf()))
                .append(", version ").append(report.versionId()).append(" of the plan.\n\n");
        md.append("Built from the ledger up to event position ").append(report.position()).append(" (recorded up to ")
                .append(ReportText.time(report.knownAt())).append(").\n");
        for (ProgressReport.Aim aim : report.aims()) {
            md.append("\n## Aim ").append(aim.code()).append(": ").append(escape(aim.title())).append("\n\n");
            md.append(escape(aim.statement())).append("\n");
            for (ProgressReport.Action action : aim.actions()) {
                md.append("\n### Action ").append(action.number()).append("\n\n");
                md.append(escape(action.title())).append(" - ").append(escape(ReportText.progress(action))).append("\n\n");
                md.append("*").append(escape(ReportText.facts(action))).append("*\n");
            }
        }
        md.append("\n## Contact\n\nchronicpain@gov.scot\n");
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] pdf(ProgressReport report) {
        String html = htmlText(report);
        try (PdfBoxRenderer renderer = new PdfRendererBuilder()
                .withProducer("Plan Ledger")
                .withHtmlContent(html, null)
                .buildPdfRenderer()) {
            renderer.layout();
            PDDocument document = renderer.createPDFKeepOpen();
            try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                // openhtmltopdf stamps the time of writing; a report carries the time of its ledger position instead.
                Calendar recorded = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
                recorded.setTimeInMillis(report.knownAt().toEpochMilli());
                PDDocumentInformation info = document.getDocumentInformation();
                info.setCreationDate(recorded);
                info.setModificationDate(recorded);
                // Without an id PDFBox derives one from the clock; this one is derived from the report itself.
                COSString id = new COSString(digest(html.getBytes(StandardCharsets.UTF_8)));
                COSArray ids = new COSArray();
                ids.add(id);
                ids.add(id);
                document.getDocument().getTrailer().setItem(COSName.ID, ids);
                document.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Markdown's own characters in text from the ledger, escaped so they read as written. */
    static String escape(String text) {
        return text == null ? "" : text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1").replace("\r\n", "\n");
    }

    private static byte[] digest(byte[] bytes) {
        return Arrays.copyOf(sha256(bytes), 16);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stylesheet() {
        try (InputStream in = ReportFormats.class.getResourceAsStream("/report/report.css")) {
            if (in == null) {
                throw new IllegalStateException("report/report.css is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
