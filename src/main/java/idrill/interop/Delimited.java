package idrill.interop;

import java.util.ArrayList;
import java.util.List;

/** Records of delimiter-separated text as Anki's csv reader takes them: "…" quotes fields, "" is a quote. */
final class Delimited {
  /** One record; line is 1-based where it starts. */
  record Row(int line, List<String> fields) {}

  private Delimited() {}

  /** Reads records of text (\n line ends); firstLine is the number of its first line in the file. */
  static List<Row> read(String text, char sep, int firstLine) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = firstLine;
    int rowLine = firstLine;
    boolean quoted = false;
    boolean atFieldStart = true;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') line++;
          field.append(c);
        }
      } else if (c == '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
      } else if (c == sep) {
        fields.add(field.toString());
        field.setLength(0);
        atFieldStart = true;
      } else if (c == '\n') {
        endRow(rows, fields, field, rowLine);
        line++;
        rowLine = line;
        atFieldStart = true;
      } else {
        field.append(c);
        atFieldStart = false;
      }
    }
    endRow(rows, fields, field, rowLine);
    return rows;
  }

  private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, int line) {
    fields.add(field.toString());
    field.setLength(0);
    // an empty line is no record
    if (!(fields.size() == 1 && fields.get(0).isBlank())) rows.add(new Row(line, List.copyOf(fields)));
    fields.clear();
  }
}
