package org.planledger.query.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The three report formats from one report: its content, and the same bytes every time they are written. */
class ReportFormatsTest {

    private static final ProgressReport REPORT = new ProgressReport("chronic-pain", "2023-11",
            "Framework for pain management service delivery – implementation plan update", LocalDate.of(2024, 1, 31),
            123, Instant.parse("2024-01-15T10:15:30.123456Z"), List.of(
            new ProgressReport.Aim("A", "Person Centred Care", "We will improve the information people receive.", List.of(
                    new ProgressReport.Action(1, "chronic-pain/2023-11/1", "Develop chronic pain information",
                            "IN_PROGRESS", "Short Life Working Group A", "LONG",
                            "Content published on NHS inform; *translations* under way <soon> & [more].",
                            LocalDate.of(2023, 10, 18)),
                    new ProgressReport.Action(5, "chronic-pain/2023-11/5", "Work with people with lived experience",
                            "NOT_STARTED", null, "MEDIUM", null, null),
                    new ProgressReport.Action(6, "chronic-pain/2023-11/6", "An action without a timeframe",
                            "IN_PROGRESS", null, null, null, null)))));

    private final ReportFormats formats = new ReportFormats(engine());

    @Test
    void theHtmlReportFollowsThePublishedShapeAndNamesItsPosition() {
        String html = new String(formats.html(REPORT), StandardCharsets.UTF_8);
        assertThat(html).contains("<h2>Aim A: Person Centred Care</h2>").contains("<h3>Action 1</h3>")
                .contains("Develop chronic pain information - Content published on NHS inform; *translations* under way "
                        + "&lt;soon&gt; &amp; [more]. (18 October 2023)")
                .contains("Work with people with lived experience - no progress had been recorded by this date.")
                .contains("Built from the ledger up to event position 123 (recorded up to 15 January 2024, 10:15:30.123456)")
                .contains("as it stood on 31 January 2024");
    }

    @Test
    void markdownEscapesTheLedgersTextSoItReadsAsWritten() {
        String md = new String(formats.markdown(REPORT), StandardCharsets.UTF_8);
        assertThat(md).startsWith("# Framework for pain management service delivery – implementation plan update: progress report\n")
                .contains("\n## Aim A: Person Centred Care\n")
                .contains("\n### Action 1\n\nDevelop chronic pain information - Content published on NHS inform; "
                        + "\\*translations\\* under way \\<soon\\> & \\[more\\]. (18 October 2023)\n")
                .contains("*Status: Not started. Owner: not assigned. Timeframe: Medium term.*")
                .contains("*Status: In progress. Owner: not assigned. Timeframe: not set.*");
    }

    @Test
    void thePdfHoldsTheReportsTextAndComesOutTheSameEveryTime() throws IOException {
        byte[] first = formats.pdf(REPORT);
        byte[] second = formats.pdf(REPORT);
        assertThat(Arrays.equals(first, second)).as("the two PDFs are byte for byte the same").isTrue();
        try (PDDocument pdf = Loader.loadPDF(first)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Aim A: Person Centred Care").contains("Action 5")
                    .contains("event position 123");
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant()).isEqualTo("2024-01-15T10:15:30Z");
        }
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
