package idrill.cli;

import com.google.gson.stream.JsonWriter;
import idrill.bank.Question;
import idrill.bank.Ref;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** JSON output through Gson's streaming writer, with every terminal-driving character escaped. */
final class Json {
  /** Writes one JSON document; the body fills the writer. */
  interface Body {
    void write(JsonWriter w) throws IOException;
  }

  private Json() {}

  static String write(Body body) {
    StringWriter buf = new StringWriter();
    try (JsonWriter w = new JsonWriter(buf)) {
      w.setIndent("  ");
      w.setHtmlSafe(false);
      body.write(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return escapeDelAndC1(buf.toString());
  }

  // Gson escapes C0 (ESC included) but passes DEL and C1 through raw; they only occur inside strings.
  static String escapeDelAndC1(String json) {
    StringBuilder sb = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c >= 0x7f && c <= 0x9f) {
        if (sb == null) sb = new StringBuilder(json.length() + 16).append(json, 0, i);
        sb.append(String.format("\\u%04x", (int) c));
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? json : sb.toString();
  }

  /** ISO-8601 UTC to the second, like the log but without milliseconds where there are none. */
  static String time(java.time.Instant t) {
    return t == null ? null : java.time.format.DateTimeFormatter.ISO_INSTANT.format(t);
  }

  static void question(JsonWriter w, Question q) throws IOException {
    w.beginObject();
    questionFields(w, q);
    w.endObject();
  }

  /** The fields of a question object, for objects that add more. */
  static void questionFields(JsonWriter w, Question q) throws IOException {
    w.name("id").value(q.id());
    w.name("question").value(q.question());
    w.name("answer").value(q.answer());
    w.name("tags").beginArray();
    for (String t : q.tags()) w.value(t);
    w.endArray();
    if (q.difficulty() != null) w.name("difficulty").value(q.difficulty().label());
    if (!q.refs().isEmpty()) {
      w.name("refs").beginArray();
      for (Ref r : q.refs()) {
        if (r.title() == null) {
          w.value(r.url());
        } else {
          w.beginObject().name("title").value(r.title()).name("url").value(r.url()).endObject();
        }
      }
      w.endArray();
    }
    if (!q.keywords().isEmpty()) {
      w.name("keywords").beginArray();
      for (String k : q.keywords()) w.value(k);
      w.endArray();
    }
  }
}
