package io.bulwark.pbx.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as RFC 4180 writes it, with one guard: a cell that a spreadsheet would take for a formula (it
 * starts with =, +, -, @, tab or carriage return, and is not a phone number) gets a leading
 * apostrophe, because a caller ID name is whatever a caller wrote, and an export must not run it.
 */
final class Csv {

  /** A number such as +4930123456 stays as it is: a spreadsheet reads it as a number, no more. */
  private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9*#]+");

  private Csv() {}

  /** A download of {@code header} and {@code rows} as {@code fileName}, UTF-8. */
  static Response attachment(String fileName, List<String> header, List<List<Object>> rows) {
    StreamingOutput body =
        out -> {
          Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          row(csv, header);
          for (List<Object> cells : rows) {
            row(csv, cells);
          }
          csv.flush();
        };
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }

  static void row(Writer out, List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty()
        && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
        && !PHONE_NUMBER.matcher(text).matches()) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
