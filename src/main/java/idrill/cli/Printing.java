package idrill.cli;

import idrill.bank.Question;
import idrill.bank.Ref;
import idrill.drill.QuestionView;
import idrill.render.MarkdownRenderer;
import idrill.render.Sanitizer;
import idrill.render.Style;
import java.io.PrintWriter;

/** Prints one question in the chosen format; shared by show and random. */
final class Printing {
  private static MarkdownRenderer plain;

  private Printing() {}

  /** Markdown question text as plain text on one line, for rows of a list. */
  static String oneLine(String markdown) {
    if (plain == null) plain = new MarkdownRenderer(10_000, 10_000, Style.PLAIN); // no measure: one line
    StringBuilder b = new StringBuilder();
    for (String line : plain.render(markdown)) {
      String t = line.strip(); // a code block's indent is layout, not text
      if (t.isEmpty()) continue;
      if (b.length() > 0) b.append(' ');
      b.append(t);
    }
    return b.toString();
  }

  static void question(Workspace ws, Question q, boolean withAnswer, Format format) {
    PrintWriter out = ws.ctx().out();
    switch (format) {
      case json:
        out.println(Json.write(w -> Json.question(w, q)));
        break;
      case markdown:
        out.println("## " + Sanitizer.oneLine(q.question()).strip());
        out.println();
        out.println("*" + Sanitizer.oneLine(q.id()) + " · " + Sanitizer.oneLine(String.join(", ", q.tags())) + "*");
        if (withAnswer) {
          out.println();
          out.println(Sanitizer.clean(q.answer()).strip());
          for (Ref r : q.refs()) {
            String url = Sanitizer.oneLine(r.url());
            out.println(r.title() == null ? "- <" + url + ">" : "- [" + Sanitizer.oneLine(r.title()) + "](" + url + ")");
          }
        }
        break;
      default:
        for (String line : new QuestionView(ws.width(), ws.style()).full(q, withAnswer)) out.println(line);
    }
    out.flush();
  }
}
