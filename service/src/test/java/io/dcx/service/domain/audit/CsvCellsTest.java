package io.dcx.service.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvCellsTest {
    @Test
    void textThatASpreadsheetWouldEvaluateGetsALeadingQuote() {
        assertThat(CsvCells.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCells.cell("+86 138")).isEqualTo("'+86 138");
        assertThat(CsvCells.cell("-2")).isEqualTo("'-2");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.cell("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void otherTextNumbersInstantsAndNullAreWrittenAsTheyAre() {
        assertThat(CsvCells.cell("春江花月夜 = poem")).isEqualTo("春江花月夜 = poem");
        assertThat(CsvCells.cell(" =1")).isEqualTo(" =1");
        assertThat(CsvCells.cell("")).isEmpty();
        assertThat(CsvCells.cell(null)).isEmpty();
        assertThat(CsvCells.cell(-1250L)).isEqualTo("-1250");
        assertThat(CsvCells.cell(true)).isEqualTo("true");
        assertThat(CsvCells.cell(Instant.parse("2026-11-25T08:00:00.123456Z"))).isEqualTo("2026-11-25T08:00:00.123456Z");
    }

    @Test
    void kindsAreFoundByTheirUrlNameOnly() {
        assertThat(ExportKind.byUrlName("audit-events")).contains(ExportKind.AUDIT_EVENTS);
        assertThat(ExportKind.byUrlName("AUDIT_EVENTS")).isEmpty();
        assertThat(ExportKind.byUrlName("wallets")).isEmpty();
    }
}
