package io.bulwark.pbx.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void cellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
    assertEquals("plain", Csv.cell("plain"));
    assertEquals("\"a,b\"", Csv.cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
    assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
    assertEquals("", Csv.cell(null));
  }

  @Test
  void whatASpreadsheetWouldRunIsDefusedButPhoneNumbersStay() {
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")"));
    assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
    assertEquals("'-2+3", Csv.cell("-2+3"));
    assertEquals("+4930123456", Csv.cell("+4930123456"));
    assertEquals("*97", Csv.cell("*97"));
  }

  @Test
  void aRowEndsWithCrLf() throws Exception {
    StringWriter out = new StringWriter();
    Csv.row(out, Arrays.asList("a", null, 3L));
    assertEquals("a,,3\r\n", out.toString());
  }
}
